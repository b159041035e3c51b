"""The annealing search compiled to machine code with numba.

The Python :class:`~careweave.scheduling.search.state.State` builds the first roster; this package
copies it into flat numpy arrays (:mod:`.arrays`) and runs the annealing moves on them in compiled
functions (:mod:`.timing`, :mod:`.change`, :mod:`.estimate`, :mod:`.moves`, :mod:`.loop`). The rules
are the same as the Python state's, line for line, so the two agree on every cost.
"""
