class Inventory:
    """Stock per item."""

    def __init__(self):
        self.stock = {}

    def add(self, item, qty):
        self.stock[item] = self.stock.get(item, 0) + qty

    def count(self, item):
        return self.stock.get(item, 0)
