import unittest

from convert import c_to_f
from report import format_reading


class ReportTest(unittest.TestCase):
    def test_c_to_f(self):
        self.assertAlmostEqual(c_to_f(100), 212)

    def test_format(self):
        self.assertEqual(format_reading(21), "21.0°C (69.8°F)")


if __name__ == "__main__":
    unittest.main()
