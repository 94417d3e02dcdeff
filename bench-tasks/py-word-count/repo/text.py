import re


def words(text):
    """The words of text, lower-cased."""
    return re.findall(r"[a-z']+", text.lower())
