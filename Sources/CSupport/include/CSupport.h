#ifndef MICROBOARD_CSUPPORT_H
#define MICROBOARD_CSUPPORT_H
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>

// Maps anonymous memory at exactly `addr` (fails rather than replacing an existing mapping).
// The emulated address space (flash, SRAM) sits at a fixed host offset so that an object's
// 32-bit address converts to a host pointer with one add of a constant.
void *mb_map_fixed(uintptr_t addr, size_t size);
/// Anonymous zero-filled memory whose pages are only backed once touched (NULL on failure).
void *mb_map_zeroed(size_t size);
/// A directory entry's name in place: readdir's records are only as long as their name, so
/// copying the whole d_name array (as Swift does with the imported tuple) can read past the
/// last record into an unmapped page.
const char *mb_dirent_name(const struct dirent *e);
int mb_unmap(void *addr, size_t size);

// Calls fn(ctx, sp) after spilling every callee-saved register onto this thread's stack, so that
// a conservative scan of [sp, stack top) sees every value the Swift code still holds.
void mb_with_registers_spilled(void *ctx, void (*fn)(void *ctx, void *sp));

// The highest address of the current thread's stack (stacks grow down on every supported host).
void *mb_stack_top(void);
// The current stack pointer, approximately: the frame address of the caller.
void *mb_stack_pointer(void);

// SIGINT sets this flag; the VM polls it on backward jumps and calls to raise KeyboardInterrupt.
extern volatile int mb_sigint_pending;
void mb_install_sigint(void);
void mb_restore_sigint(void);

// Runs fn(ctx) on a new thread with the given stack size and waits for it.
int mb_run_on_big_stack(size_t stack_size, void *ctx, void (*fn)(void *ctx));

// A store the optimizer cannot see through (used where the Swift optimizer dropped stores).
void mb_store_u32(void *p, uint32_t v);

// Root slots of the runtime (see Root in Memory.swift), scanned by every collection.
extern uint32_t mb_roots[64];

// Opens a pseudo-terminal master (posix_openpt, grantpt, unlockpt) and writes the slave's path
// to `name`. Returns the master descriptor, or -1 with errno set.
int mb_open_pty(char *name, size_t size);

// Host threads for _thread (Threads.c). The global interpreter lock, fair (a ticket lock):
void mb_gil_acquire(void);
void mb_gil_release(void);
// Nonzero when some thread waits for the GIL (a hint, read without locking).
int mb_gil_has_waiters(void);
// The wake-up event of Python locks: prepare (GIL held) returns the generation with the event's
// mutex held; wait (GIL released) returns 1 once the generation changed, 0 after timeout_ns,
// and unlocks the mutex either way; signal bumps the generation and wakes every waiter.
uint64_t mb_event_prepare(void);
int mb_event_wait(uint64_t gen, int64_t timeout_ns);
void mb_event_signal(void);
// Starts fn(ctx) on a new detached thread; its pthread id goes to *ident. 0 or an errno.
int mb_thread_start(size_t stack_size, void *ctx, void (*fn)(void *ctx), uint64_t *ident);
uint64_t mb_thread_self(void);

// Makes every thread allocate from one malloc arena (glibc's mallopt(M_ARENA_MAX, 1)).
void mb_malloc_single_arena(void);

#endif
