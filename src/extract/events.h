/*
 * events.h: the event stage (events.c).
 */
#ifndef LW_EVENTS_H
#define LW_EVENTS_H

#include "extract.h"

/* Code the events of a document whose entities are exported (events link
 * to public entity ids). The array is allocated in the arena. */
lw_status lw_extract_events(struct lw_extract *x, const lw_date *docdate, lw_event **events,
			    size_t *n);

#endif
