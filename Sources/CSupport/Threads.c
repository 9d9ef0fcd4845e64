#define _GNU_SOURCE
#include <malloc.h>
#include "CSupport.h"
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

// Host threads for the _thread module (see ThreadState.swift): the global interpreter lock, one
// wake-up event for threads waiting on Python locks, and detached thread creation.

// The GIL is a ticket lock: a thread that releases and at once re-acquires it (the periodic
// yield) queues behind the threads already waiting, so no thread starves. A plain mutex would
// usually be re-taken by the releasing thread.
static pthread_mutex_t gil_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t gil_cond = PTHREAD_COND_INITIALIZER;
static uint64_t gil_next = 0;      // next ticket to hand out
static uint64_t gil_serving = 0;   // ticket that holds the GIL

void mb_gil_acquire(void) {
    pthread_mutex_lock(&gil_mutex);
    uint64_t mine = __atomic_fetch_add(&gil_next, 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&gil_serving, __ATOMIC_SEQ_CST) != mine) pthread_cond_wait(&gil_cond, &gil_mutex);
    pthread_mutex_unlock(&gil_mutex);
}

void mb_gil_release(void) {
    pthread_mutex_lock(&gil_mutex);
    __atomic_fetch_add(&gil_serving, 1, __ATOMIC_SEQ_CST);
    pthread_cond_broadcast(&gil_cond);
    pthread_mutex_unlock(&gil_mutex);
}

int mb_gil_has_waiters(void) {
    // held by ticket `serving`; every ticket above it is a waiting thread
    return __atomic_load_n(&gil_next, __ATOMIC_RELAXED) - __atomic_load_n(&gil_serving, __ATOMIC_RELAXED) > 1;
}

// One event for every Python lock: a release bumps the generation and wakes all waiters, who
// re-check their lock under the GIL. mb_event_prepare is called with the GIL held and returns
// with the event mutex held, so a release (which needs the GIL) cannot slip in before the wait.
static pthread_mutex_t ev_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ev_cond;
static pthread_once_t ev_once = PTHREAD_ONCE_INIT;
static uint64_t ev_gen = 0;

static void ev_init(void) {
    pthread_condattr_t a;
    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&ev_cond, &a);
    pthread_condattr_destroy(&a);
}

uint64_t mb_event_prepare(void) {
    pthread_once(&ev_once, ev_init);
    pthread_mutex_lock(&ev_mutex);
    return ev_gen;
}

int mb_event_wait(uint64_t gen, int64_t timeout_ns) {
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += timeout_ns / 1000000000;
    deadline.tv_nsec += timeout_ns % 1000000000;
    if (deadline.tv_nsec >= 1000000000) { deadline.tv_sec += 1; deadline.tv_nsec -= 1000000000; }
    int rc = 0;
    while (ev_gen == gen && rc == 0) rc = pthread_cond_timedwait(&ev_cond, &ev_mutex, &deadline);
    int signalled = ev_gen != gen;
    pthread_mutex_unlock(&ev_mutex);
    return signalled;
}

void mb_event_signal(void) {
    pthread_once(&ev_once, ev_init);
    pthread_mutex_lock(&ev_mutex);
    ev_gen++;
    pthread_cond_broadcast(&ev_cond);
    pthread_mutex_unlock(&ev_mutex);
}

struct thread_start { void *ctx; void (*fn)(void *); };

static void *detached_entry(void *arg) {
    struct thread_start s = *(struct thread_start *)arg;
    free(arg);
    s.fn(s.ctx);
    return NULL;
}

int mb_thread_start(size_t stack_size, void *ctx, void (*fn)(void *ctx), uint64_t *ident) {
    struct thread_start *s = malloc(sizeof *s);
    if (s == NULL) return -1;
    s->ctx = ctx;
    s->fn = fn;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    // the caller sets its recursion limit from stack_size: a size the host refuses is an error
    int rc = pthread_attr_setstacksize(&attr, stack_size);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t t;
    if (rc == 0) rc = pthread_create(&t, &attr, detached_entry, s);
    pthread_attr_destroy(&attr);
    if (rc != 0) { free(s); return rc; }
    *ident = (uint64_t)t;
    return 0;
}

uint64_t mb_thread_self(void) { return (uint64_t)pthread_self(); }

void mb_malloc_single_arena(void) { mallopt(M_ARENA_MAX, 1); }
