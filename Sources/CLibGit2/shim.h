#ifndef SNAPGATE_CLIBGIT2_SHIM_H
#define SNAPGATE_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/repository.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one wrapper per option snapgate sets. */

/* Reading an object re-hashes it by default (GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION): git itself
   does not (only fsck does), and for a cold pass it is a tenth of reading the manifests. */
static inline int snapgate_git_set_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
#endif
