import unittest

from text import word_count, words


class TextTest(unittest.TestCase):
    def test_words(self):
        self.assertEqual(words("Hi, there"), ["hi", "there"])

    def test_word_count(self):
        self.assertEqual(word_count("The cat and the hat."), {"the": 2, "cat": 1, "and": 1, "hat": 1})


if __name__ == "__main__":
    unittest.main()
