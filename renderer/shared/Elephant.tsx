// The elephant in the room, as a character: it breathes, blinks, flaps its ears and
// swings its trunk; it perks up when someone comes close, nods at an answer, and cheers,
// trunk high, when a card comes out. With reduced motion it stands still.
// Its size comes from the style sheet (a class), so it can step down with the type.

import { motion, useReducedMotion, type Transition } from 'framer-motion';

export type ElephantMood = 'dozing' | 'curious' | 'happy' | 'nodding' | 'cheering';

const loop = (duration: number, extra: Transition = {}): Transition => ({ duration, repeat: Infinity, ease: 'easeInOut', ...extra });

/** Per mood: how the whole body moves, how high the trunk goes, and the pace. */
const BODY: Record<ElephantMood, { y: number[]; rotate: number[]; trunk: number[]; pace: number }> = {
  dozing: { y: [0, -4, 0], rotate: [0, 0, 0], trunk: [-5, 4, -5], pace: 1.8 },
  curious: { y: [0, -8, 0], rotate: [0, 0, 0], trunk: [-5, 7, -5], pace: 1 },
  happy: { y: [0, -8, 0], rotate: [0, 0, 0], trunk: [-38, -28, -38], pace: 1 },
  // A nod: the head dips twice, then a pause.
  nodding: { y: [0, 10, 0, 10, 0, 0], rotate: [0, 3, 0, 3, 0, 0], trunk: [-8, 4, -8], pace: 0.9 },
  // A cheer: a hop, trunk raised high.
  cheering: { y: [0, -30, 0, -14, 0], rotate: [0, -3, 0, 3, 0], trunk: [-70, -52, -70], pace: 0.55 },
};

export function Elephant({ mood = 'curious', className }: { mood?: ElephantMood; className: string }) {
  const still = useReducedMotion() ?? false;
  const body = BODY[mood];
  const animate = <T,>(value: T): T | undefined => (still ? undefined : value);
  const joyful = mood === 'happy' || mood === 'cheering';
  return (
    <motion.svg
      viewBox="0 0 400 400"
      role="img"
      aria-hidden="true"
      className={`elephant ${className}`}
      data-mood={mood}
      animate={animate({ y: body.y, rotate: body.rotate })}
      transition={loop(3.2 * body.pace)}
    >
      <motion.g style={{ transformBox: 'fill-box', transformOrigin: '100% 40%' }} animate={animate({ rotate: [0, -7, 0], scaleX: [1, 0.93, 1] })} transition={loop(2.6 * body.pace)}>
        <ellipse cx="95" cy="175" rx="92" ry="112" fill="#8f7aa0" />
        <ellipse cx="102" cy="180" rx="62" ry="80" fill="#f0a3b4" />
      </motion.g>
      <motion.g style={{ transformBox: 'fill-box', transformOrigin: '0% 40%' }} animate={animate({ rotate: [0, 7, 0], scaleX: [1, 0.93, 1] })} transition={loop(2.6 * body.pace, { delay: 0.2 })}>
        <ellipse cx="305" cy="175" rx="92" ry="112" fill="#8f7aa0" />
        <ellipse cx="298" cy="180" rx="62" ry="80" fill="#f0a3b4" />
      </motion.g>
      <ellipse cx="200" cy="168" rx="112" ry="116" fill="#ad9bbd" />
      <ellipse cx="200" cy="110" rx="70" ry="34" fill="#bcaccb" />
      <motion.g style={{ transformBox: 'fill-box', transformOrigin: '50% 0%' }} animate={animate({ rotate: body.trunk })} transition={loop(2.4 * body.pace)}>
        <path
          d="M172 205 C168 255 172 300 196 332 C210 350 236 352 250 338 C262 326 254 306 238 310 C226 313 222 322 214 314 C204 300 212 256 228 205 Z"
          fill="#ad9bbd"
        />
        <path d="M182 250 q18 6 38 0 M184 275 q16 6 32 0 M192 298 q12 5 24 0" stroke="#8f7aa0" strokeWidth="5" fill="none" strokeLinecap="round" />
      </motion.g>
      <ellipse cx="138" cy="200" rx="20" ry="11" fill="#f28b8b" opacity={joyful ? 0.8 : 0.55} />
      <ellipse cx="262" cy="200" rx="20" ry="11" fill="#f28b8b" opacity={joyful ? 0.8 : 0.55} />
      <motion.g
        style={{ transformBox: 'fill-box', transformOrigin: '50% 50%' }}
        animate={animate({ scaleY: mood === 'dozing' ? [0.25, 0.25, 0.1, 0.25] : [1, 1, 0.1, 1] })}
        transition={loop(4.5, { times: [0, 0.92, 0.96, 1], ease: 'linear' })}
      >
        <circle cx="160" cy="150" r="15" fill="#2b1740" />
        <circle cx="240" cy="150" r="15" fill="#2b1740" />
        <circle cx="165" cy="145" r="5" fill="#fff" />
        <circle cx="245" cy="145" r="5" fill="#fff" />
      </motion.g>
      <path
        d={joyful ? 'M138 116 q22 -16 44 0 M218 116 q22 -16 44 0' : 'M140 120 q20 -8 40 0 M220 120 q20 -8 40 0'}
        stroke="#2b1740"
        strokeWidth="6"
        fill="none"
        strokeLinecap="round"
      />
    </motion.svg>
  );
}
