import unittest

from inventory import Inventory


class InventoryTest(unittest.TestCase):
    def test_remove(self):
        inv = Inventory()
        inv.add("apple", 5)
        inv.remove("apple", 3)
        self.assertEqual(inv.count("apple"), 2)
        with self.assertRaises(ValueError):
            inv.remove("apple", 3)
        self.assertEqual(inv.count("apple"), 2)


if __name__ == "__main__":
    unittest.main()
