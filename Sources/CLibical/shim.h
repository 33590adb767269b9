#ifndef CLIBICAL_SHIM_H
#define CLIBICAL_SHIM_H
#include <libical/ical.h>
#include <string.h> /* strlen, for copying the buffers libical returns */

/* icalerrno is a macro over a thread-local; Swift cannot see it. */
static inline icalerrorenum clibical_errno(void) { return icalerrno; }
static inline void clibical_clear_errno(void) { icalerrno = ICAL_NO_ERROR; }
#endif
