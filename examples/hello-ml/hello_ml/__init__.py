"""A tiny module for the ml-image example project."""

import platform


def greeting() -> str:
    import tqdm  # the example's one requirement: proves requirements were installed

    return f"hello from {platform.machine()} (tqdm {tqdm.__version__})"
