/*
 * deadline.h: a time ms milliseconds from now on a given clock, for
 * pthread_cond_timedwait.
 */
#ifndef LW_DEADLINE_H
#define LW_DEADLINE_H

#include <time.h>

static inline struct timespec lw_deadline(clockid_t clock, long ms)
{
	struct timespec t;
	clock_gettime(clock, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (ms % 1000) * 1000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

#endif
