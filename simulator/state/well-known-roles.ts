/** The Full Administrator role id, as Cisco's spec gives it in its `/roles` and `/people` examples. */
export const FULL_ADMINISTRATOR_ROLE_ID = 'Y2lzY29zcGFyazovL3VzL1JPTEUvOTZhYmMyYWEtM2RjYy0xMWU1LWExNTItZmUzNDgxOWNkYzlh';
