"""Small NumPy experiments behind the guides' claims (vanishing gradients, dead units, ...).

Each experiment is seeded, runs on data it generates, is computed in the data stage
(`python -m refimpl.data`) and cached by the hash of the code it imports; the guides draw its
figure and the tests check the direction of its claim across seeds.
"""
