// The interface itself is declared in include/pfopt_abi.h; this file holds the
// few helpers Swift cannot reach directly.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include "pfopt_abi.h"
#include "pfopt_abi_support.h"

const char *pfopt_abi_image_path(const void *address) {
    Dl_info info;
    if (dladdr(address, &info) == 0) return NULL;
    return info.dli_fname;
}
