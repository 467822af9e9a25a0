// placeholder replaced by the command wiring in the next commit
export {};
