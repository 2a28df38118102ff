/* timing.h - wall-clock and CPU-time clocks, in seconds */
#ifndef VC_TIMING_H
#define VC_TIMING_H

double	wall_now(void);
double	cpu_now(void);

#endif
