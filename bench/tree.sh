# Sourced by bench/run.sh and bench/soak.sh from the checkout's root, once WORK (their
# temporary directory) exists. The code measured is HEAD's, built and run from a worktree of
# its own under WORK, so an edit or a build in this checkout while they run changes nothing
# they measure. BENCH_TREE=working measures this checkout as it is (the results say so when it
# has uncommitted changes). Sets ROOT (the checkout), TREE and CODE (what is measured) and
# enters TREE; remove_tree, for the exit trap, removes the worktree; tree_jvm_options prints
# the options of TREE's jvm.options on one line, for the results.
# shellcheck shell=bash
ROOT=$(pwd)
remove_tree() {
	if [ "${TREE:-}" = "$WORK/tree" ]; then git -C "$ROOT" worktree remove --force "$TREE" || true; fi
}
tree_jvm_options() { sed 's/#.*//' "$TREE/jvm.options" | xargs; }
if [ "${BENCH_TREE:-head}" = working ]; then
	TREE=$ROOT
	CODE="commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
	if [ -n "$(git status --porcelain -- . ':!bench/results' 2>/dev/null)" ]; then
		CODE="$CODE with uncommitted changes"
		echo "warning: measuring uncommitted changes (git status); the results will say so" >&2
	fi
else
	TREE="$WORK/tree"
	git worktree add -q --detach "$TREE" HEAD
	CODE="commit $(git -C "$TREE" rev-parse --short HEAD)"
	cd "$TREE" || exit 1
fi
