import { Injectable } from '@nestjs/common';

/**
 * The time the sign-in throttle reads (milliseconds since the epoch). A provider of its own so
 * that the tests can move it forward instead of waiting out a delay.
 */
@Injectable()
export class Clock {
  now(): number {
    return Date.now();
  }
}
