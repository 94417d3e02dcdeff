def f_to_c(f):
    """Fahrenheit to Celsius."""
    return (f - 32) * 5 / 9
