import unittest

from fizz import fizzbuzz


class FizzTest(unittest.TestCase):
    def test_words(self):
        self.assertEqual([fizzbuzz(n) for n in (1, 3, 5, 15, 30)], ["1", "Fizz", "Buzz", "FizzBuzz", "FizzBuzz"])


if __name__ == "__main__":
    unittest.main()
