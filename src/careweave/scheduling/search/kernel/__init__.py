"""The search compiled to machine code with numba: the one implementation of its rules.

:mod:`careweave.scheduling.search.pack` copies the compiled problem into flat numpy arrays
(:mod:`.arrays`); this package times routes and keeps the objective's running totals
(:mod:`.timing`, :mod:`.totals`, :mod:`.change`), estimates insertions (:mod:`.estimate`), builds
the first roster and makes the insertions repair and cover reuse (:mod:`.construct`), and runs
the annealing moves (:mod:`.moves`, :mod:`.ruin`, :mod:`.loop`). The numbers it shares with
Python come from :mod:`careweave.scheduling.search.constants`. Python reaches it through
:class:`~careweave.scheduling.search.state.State`.

Nothing here imports that state, directly or through another module: :mod:`.jit` drops the
compiled cache whenever a file the kernel is built from changes, and the state is not one of them.
"""
