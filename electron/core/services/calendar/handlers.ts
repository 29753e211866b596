// Tasks, hearings and the calendar, bound together for the router.
import type { Handlers } from '../../api/context';
import { hearingHandlers } from './hearings';
import { rangeHandlers } from './range';
import { taskHandlers } from './tasks';

type CalendarHandlers = Pick<Handlers, keyof typeof taskHandlers | keyof typeof hearingHandlers | keyof typeof rangeHandlers>;

export const calendarHandlers: CalendarHandlers = { ...taskHandlers, ...hearingHandlers, ...rangeHandlers };
