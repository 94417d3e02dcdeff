def format_reading(c):
    """A reading in Celsius, for people."""
    return f"{c:.1f}°C"
