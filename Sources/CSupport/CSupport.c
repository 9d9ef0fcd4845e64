#define _GNU_SOURCE
#include "CSupport.h"
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

void *mb_map_fixed(uintptr_t addr, size_t size) {
    void *p = mmap((void *)addr, size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED) return NULL;
    if ((uintptr_t)p != addr) { munmap(p, size); return NULL; }
    return p;
}

void *mb_map_zeroed(size_t size) {
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

const char *mb_dirent_name(const struct dirent *e) { return e->d_name; }

int mb_unmap(void *addr, size_t size) { return munmap(addr, size); }

__attribute__((noinline)) void mb_with_registers_spilled(void *ctx, void (*fn)(void *ctx, void *sp)) {
    // Forces the compiler to save all callee-saved registers in this frame.
    __builtin_unwind_init();
    volatile uintptr_t marker = 0;
    fn(ctx, (void *)&marker);
    __asm__ volatile("" ::: "memory");
}

void *mb_stack_top(void) {
    pthread_attr_t attr;
    void *addr = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return NULL;
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    return (char *)addr + size;
}

__attribute__((noinline)) void *mb_stack_pointer(void) { return __builtin_frame_address(0); }

volatile int mb_sigint_pending = 0;
static struct sigaction old_sigint;
static int sigint_installed = 0;

static void on_sigint(int sig) { (void)sig; mb_sigint_pending = 1; }

void mb_install_sigint(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, &sa, &old_sigint) == 0) sigint_installed = 1;
}

void mb_restore_sigint(void) {
    if (sigint_installed) { sigaction(SIGINT, &old_sigint, NULL); sigint_installed = 0; }
}

struct thread_call { void *ctx; void (*fn)(void *); };
static void *thread_entry(void *arg) {
    struct thread_call *c = arg;
    c->fn(c->ctx);
    return NULL;
}

int mb_run_on_big_stack(size_t stack_size, void *ctx, void (*fn)(void *ctx)) {
    pthread_attr_t attr;
    pthread_t t;
    struct thread_call c = { ctx, fn };
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, stack_size);
    int rc = pthread_create(&t, &attr, thread_entry, &c);
    pthread_attr_destroy(&attr);
    if (rc != 0) { fn(ctx); return rc; }
    pthread_join(t, NULL);
    return 0;
}

uint32_t mb_roots[64];

void mb_store_u32(void *p, uint32_t v) { *(volatile uint32_t *)p = v; }

#include <fcntl.h>
#include <stdlib.h>

int mb_open_pty(char *name, size_t size) {
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) return -1;
    if (grantpt(m) != 0 || unlockpt(m) != 0 || ptsname_r(m, name, size) != 0) {
        close(m);
        return -1;
    }
    return m;
}
