"""The annealing search compiled to machine code with numba.

The Python :class:`~careweave.scheduling.search.state.State` builds the first roster;
:mod:`careweave.scheduling.search.pack` copies it into flat numpy arrays (:mod:`.arrays`), and this
package runs the annealing moves on them in compiled functions (:mod:`.timing`, :mod:`.change`,
:mod:`.estimate`, :mod:`.moves`, :mod:`.loop`). The rules are the same as the Python state's, line
for line, so the two agree on every cost; the numbers both use come from
:mod:`careweave.scheduling.search.constants`.

Nothing here imports the Python state, directly or through another module: :mod:`.jit` drops the
compiled cache whenever a file the kernel is built from changes, and the state is not one of them.
"""
