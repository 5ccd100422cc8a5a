import { COUNTER_DEFAULTS, counterSettings, type CounterSettings } from '../contract';
import type { SettingsRepo } from '../db/settings-repo';

const KEY = 'counter_settings';

/** The counter's own settings (scan folder, file size limit, "treo" threshold), stored as one JSON value. */
export function counterSettingsStore(settings: SettingsRepo) {
  return {
    get(): CounterSettings {
      const raw = settings.getState(KEY);
      if (!raw) return { ...COUNTER_DEFAULTS };
      const parsed = counterSettings.safeParse({ ...COUNTER_DEFAULTS, ...(JSON.parse(raw) as object) });
      return parsed.success ? parsed.data : { ...COUNTER_DEFAULTS };
    },
    save(value: CounterSettings): CounterSettings {
      settings.setState(KEY, JSON.stringify(value));
      return value;
    },
  };
}

export type CounterSettingsStore = ReturnType<typeof counterSettingsStore>;
