/** What the simulator takes for an email address: something@somewhere, without spaces or commas. */
export const EMAIL_PATTERN = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
