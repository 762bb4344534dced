import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy, type ValidationOptions } from 'class-validator';
import { isCalendarDate, MAX_PERIOD_YEARS } from '../period';

/** A real calendar date written YYYY-MM-DD (2024-13-01 and 2023-02-29 are refused). */
function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isCalendarDate(value),
        defaultMessage: () => '$property must be a date written YYYY-MM-DD, e.g. 2024-01-31',
      },
    },
    options,
  );
}

/** The period of the statistics: whole UTC days, both ends included. */
export class StatisticsQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2024-01-01',
    description: 'First day (UTC), included. Defaults to the day after `to` a year earlier.',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2024-12-31',
    description: `Last day (UTC), included. Defaults to today. At most ${MAX_PERIOD_YEARS} years after \`from\`.`,
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
