/** A run that ends on one of these has not finished its thought, whatever the pause says. */
export const OPEN_ENDINGS = new Set(
  'a an the and or but so because of to for with in on at from by that which who my your our their is are was were'.split(
    ' ',
  ),
);

/** Goodbyes and thanks: an ending, never a hook or a payoff. */
export const SIGN_OFF =
  /\b(thank you|thanks( so much| for| everyone| everybody)?|good ?bye|bye|see you|take care|good night|that's all|subscribe|have a (great|good|nice))\b/i;
