package accountability_test

import (
	"testing"

	"github.com/xiaoneng/xiaoneng/accountability"
)

// TestShortenedCommentIsAMinimum: a comment period shortened for
// urgency runs to the closing date published (重大行政决策程序暂行条例 Art 15
// ¶1), which the agency must let pass, as the thirty days it replaces:
// closing the comment the day after is no overrun of the agency's.
func TestShortenedCommentIsAMinimum(t *testing.T) {
	e := defaultEvaluator(t)
	md := build(t, ref(t, "major-decision"), "JC-1",
		ev{wang, "initiate", at(2026, 1, 2), map[string]string{"undertaker": "市交通运输局", "specialised": "false", "risk": "false"}},
		ev{wang, "open_comment_short", at(2026, 1, 5), map[string]string{"draft": "草案", "shortening_reason": "冬季保供情况紧急", "comment_until": "2026-01-15"}},
		ev{wang, "close_comment", at(2026, 1, 16), map[string]string{"summary": "意见已归纳"}})
	in := accountability.Input{Records: []accountability.Record{{Unit: "交通运输局", Case: md}}}
	for _, f := range evaluate(t, e, in, day(2026, 1, 20)) {
		if f.Clock == "comment_short" {
			t.Errorf("the shortened comment period found against the agency: %+v", f)
		}
	}
}
