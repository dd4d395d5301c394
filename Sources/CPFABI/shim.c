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

// The header's bytes, embedded at build time from the one copy in include/.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc23-extensions"
static const char header_text[] = {
#embed "include/pfopt_abi.h"
    , 0
};
#pragma clang diagnostic pop

const char *pfopt_abi_header_text(void) {
    return header_text;
}
