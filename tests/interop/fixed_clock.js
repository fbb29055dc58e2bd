// Preloaded with `node -r` to fix the clock at JWTMINT_FIXED_NOW (seconds since the epoch).
const ms = Number(process.env.JWTMINT_FIXED_NOW) * 1000;
if (!Number.isFinite(ms)) throw new Error("JWTMINT_FIXED_NOW is not set");
Date.prototype.getTime = function () { return ms; };
Date.now = () => ms;
