package xiaoneng_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/rickb777/date/v2"
	"pgregory.net/rapid"

	x "github.com/xiaoneng/xiaoneng"
)

func TestNumeral(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{1, "一"}, {10, "十"}, {15, "十五"}, {20, "二十"}, {42, "四十二"}, {82, "八十二"},
		{100, "一百"}, {101, "一百零一"}, {110, "一百一十"}, {203, "二百零三"}, {1001, "一千零一"},
		{1010, "一千零一十"}, {1200, "一千二百"}, {9999, "九千九百九十九"}, {0, "0"}, {10000, "10000"}, {-3, "-3"},
	} {
		if got := x.Numeral(tc.n); got != tc.want {
			t.Errorf("Numeral(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// parseNumeral reads Chinese numerals back, the plain way, as an oracle.
func parseNumeral(s string) int {
	digits := map[rune]int{'零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	units := map[rune]int{'十': 10, '百': 100, '千': 1000}
	total, d := 0, 0
	for _, r := range s {
		if v, ok := digits[r]; ok {
			d = v
			continue
		}
		u := units[r]
		if d == 0 && u == 10 {
			d = 1 // 十五
		}
		total += d * u
		d = 0
	}
	return total + d
}

func TestNumeralRoundTrips(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 9999).Draw(t, "n")
		s := x.Numeral(n)
		if got := parseNumeral(s); got != n {
			t.Fatalf("Numeral(%d) = %q reads back as %d", n, s, got)
		}
		if strings.Contains(s, "零零") || strings.HasSuffix(s, "零") {
			t.Fatalf("Numeral(%d) = %q has a stray 零", n, s)
		}
	})
}

func TestCitationText(t *testing.T) {
	for _, tc := range []struct {
		c      x.Citation
		zh, en string
	}{
		{x.Cite(x.LicensingLaw, 42, 1), "《行政许可法》第四十二条第一款", "Administrative Licensing Law, art. 42(1)"},
		{x.Cite(x.LicensingLaw, 32, 1, 4), "《行政许可法》第三十二条第一款第（四）项", "Administrative Licensing Law, art. 32(1)(4)"},
		{x.Cite(x.PenaltyLaw, 60).At(date.New(2021, 1, 22)), "《行政处罚法》(2021年修订)第六十条", "Administrative Penalty Law (2021), art. 60"},
		{x.Cite(x.LicensingLaw, 82).At(date.New(2019, 4, 23)), "《行政许可法》(2019年修正)第八十二条", "Administrative Licensing Law (2019), art. 82"},
		{x.Cite("浙江省影响机关工作效能行为责任追究办法", 5), "《浙江省影响机关工作效能行为责任追究办法》第五条", "浙江省影响机关工作效能行为责任追究办法, art. 5"},
		{x.Citation{Law: x.CivilCode}, "《民法典》", "Civil Code"},
		{x.Citation{}, "", ""},
	} {
		if tc.c.String() != tc.zh || tc.c.English() != tc.en {
			t.Errorf("%#v: %q / %q, want %q / %q", tc.c, tc.c.String(), tc.c.English(), tc.zh, tc.en)
		}
	}
}

func TestCitationValidate(t *testing.T) {
	for _, tc := range []struct {
		c  x.Citation
		ok bool
	}{
		{x.Cite(x.LicensingLaw, 42, 1), true},
		{x.Cite(x.PenaltyLaw, 60).At(date.New(2021, 1, 22)), true},
		{x.Cite(x.PenaltyLaw, 60).At(date.New(2020, 1, 1)), false}, // no such revision
		{x.Citation{Article: 3}, false},                            // no law
		{x.Citation{Law: x.CivilCode, Paragraph: 1}, false},        // paragraph without article
		{x.Citation{Law: x.CivilCode, Article: 1, Item: 1}, false}, // item without paragraph
		{x.Citation{Law: x.CivilCode, Article: -1}, false},
		{x.Cite("某市效能办法", 7), true}, // a law the library does not know
	} {
		err := tc.c.Validate()
		if (err == nil) != tc.ok || (err != nil && !errors.Is(err, x.ErrInvalidCitation)) {
			t.Errorf("%#v: %v", tc.c, err)
		}
	}
}

func TestLaws(t *testing.T) {
	for _, l := range x.Laws() {
		if l.Name == "" || l.NameEN == "" || len(l.Versions) == 0 || l.Rank == x.RankUnknown {
			t.Errorf("%s is incomplete", l.ID)
		}
		for i, v := range l.Versions {
			if v.InForce < v.Adopted || (i > 0 && v.Adopted <= l.Versions[i-1].Adopted) || v.Kind == x.VersionUnknown {
				t.Errorf("%s: revision %d is out of order or incomplete", l.ID, i)
			}
		}
	}
	l, ok := x.LookupLaw(x.PenaltyLaw)
	if !ok {
		t.Fatal("行政处罚法 unknown")
	}
	if v, ok := l.InForce(date.New(2021, 7, 14)); !ok || v.Adopted != date.New(2017, 9, 1) {
		t.Errorf("the day before the 2021 revision took effect: %v", v.Adopted)
	}
	if v, ok := l.InForce(date.New(2021, 7, 15)); !ok || v.Adopted != date.New(2021, 1, 22) {
		t.Errorf("the 2021 revision in force: %v", v.Adopted)
	}
	if _, ok := l.InForce(date.New(1990, 1, 1)); ok {
		t.Errorf("a version in force before the law existed")
	}
	l.Versions[0].Kind = x.Revised
	if again, _ := x.LookupLaw(x.PenaltyLaw); again.Versions[0].Kind == x.Revised {
		t.Errorf("LookupLaw shares its table")
	}
	if _, ok := x.LookupLaw("无此法"); ok {
		t.Errorf("an unknown law was found")
	}
}
