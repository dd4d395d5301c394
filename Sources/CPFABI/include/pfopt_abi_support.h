/* Helpers for pfopt's own implementation of pfopt_abi.h (not part of the interface). */
#ifndef PFOPT_ABI_SUPPORT_H
#define PFOPT_ABI_SUPPORT_H

/* The path of the loaded file (executable or shared library) that contains
 * `address`, or NULL when the loader does not know it. */
const char *pfopt_abi_image_path(const void *address);

/* The text of pfopt_abi.h itself, NUL-terminated: what `pfopt export` writes
 * beside a library, so the header exists once, in include/. */
const char *pfopt_abi_header_text(void);

#endif
