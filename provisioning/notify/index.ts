export * from './post-message';
export * from './notified-items';
export * from './notification-message';
export * from './notify-room';
export * from './drift-detail';
