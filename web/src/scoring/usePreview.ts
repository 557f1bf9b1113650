import { useCallback, useState } from 'react';
import { scoringApi, type RulePreview, type RulePreviewInput } from '../api/scoring';

/** Runs impact previews and remembers which input the shown one was computed for. */
export function usePreview() {
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const [previewedFor, setPreviewedFor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const run = useCallback(async (input: RulePreviewInput) => {
    setLoading(true);
    try {
      const result = await scoringApi.preview(input);
      setPreview(result);
      setPreviewedFor(JSON.stringify(input));
      return result;
    } finally {
      setLoading(false);
    }
  }, []);

  /** Whether the shown preview was computed for another input than `input`. */
  const isStale = useCallback((input: RulePreviewInput) => previewedFor !== null && previewedFor !== JSON.stringify(input), [previewedFor]);

  const reset = useCallback(() => {
    setPreview(null);
    setPreviewedFor(null);
  }, []);

  return { preview, loading, run, isStale, reset };
}
