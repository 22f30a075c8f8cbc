import { errorResponse } from '$lib/server/api';
import { AppError } from '$server/errors';
import { m } from '$lib/paraglide/messages.js';

/** Unknown API paths answer in the API's own error shape, not with an HTML page. */
export const fallback = () => errorResponse(new AppError('not_found', m.error_no_endpoint()));
