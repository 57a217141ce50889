package xiaoneng

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"
)

// A Citation names the provision of a statute that a rule, transition,
// clock or finding comes from (法律依据): the law, the article (条), and
// optionally the paragraph (款) and item (项), with the revision of the
// text that was cited.
//
// Citations are small comparable values: store and pass them by value, use
// them as map keys, compare them with ==. The zero value cites nothing and
// reports true from [Citation.IsZero].
//
// Law is the statute's short Chinese name, such as "行政许可法". The laws the
// library knows are listed by [Laws]; a citation of any other document (a
// provincial measure, an agency's own rules) is equally valid and prints
// its Law as given.
type Citation struct {
	// Law is the short Chinese name of the statute, e.g. [LicensingLaw].
	Law LawID `json:"law"`
	// Article is the article number (条), from 1. Zero cites the whole law.
	Article int `json:"article,omitzero"`
	// Paragraph is the paragraph (款) within the article, from 1; zero
	// cites the whole article.
	Paragraph int `json:"paragraph,omitzero"`
	// Item is the numbered item (项) within the paragraph, from 1; zero
	// cites the whole paragraph.
	Item int `json:"item,omitzero"`
	// Version is the date of the revision whose text is cited (the date
	// it was adopted or last amended, as listed by [Law.Versions]). The
	// zero date means the version in force.
	Version date.Date `json:"version,omitzero"`
}

// Cite returns the citation of an article of a law, with optional
// paragraph and item numbers: Cite(LicensingLaw, 42, 1) is 《行政许可法》
// 第四十二条第一款. Numbers beyond the item are ignored.
func Cite(law LawID, article int, paragraphItem ...int) Citation {
	c := Citation{Law: law, Article: article}
	if len(paragraphItem) > 0 {
		c.Paragraph = paragraphItem[0]
	}
	if len(paragraphItem) > 1 {
		c.Item = paragraphItem[1]
	}
	return c
}

// At returns a copy of the citation that names the revision of the text
// adopted or last amended on v.
func (c Citation) At(v date.Date) Citation {
	c.Version = v
	return c
}

// IsZero reports whether the citation cites nothing.
func (c Citation) IsZero() bool { return c == Citation{} }

// ErrInvalidCitation is wrapped by the error [Citation.Validate] returns.
var ErrInvalidCitation = errors.New("xiaoneng: invalid citation")

// Validate reports whether the citation is well formed: a law is named,
// numbers are not negative, and a paragraph or item is not given without
// the level above it. When the law is one the library knows, a version
// must be one of its listed revisions. It does not check that the
// article exists in the text.
func (c Citation) Validate() error {
	var problems []string
	if strings.TrimSpace(string(c.Law)) == "" {
		problems = append(problems, "no law named")
	}
	if c.Article < 0 || c.Paragraph < 0 || c.Item < 0 {
		problems = append(problems, "negative article, paragraph or item number")
	}
	if c.Paragraph > 0 && c.Article == 0 {
		problems = append(problems, "paragraph without article")
	}
	if c.Item > 0 && c.Paragraph == 0 {
		problems = append(problems, "item without paragraph")
	}
	if law, ok := lookupLaw(c.Law); ok && c.Version != 0 {
		if _, ok := law.Version(c.Version); !ok {
			problems = append(problems, fmt.Sprintf("%s has no revision of %s", c.Law, c.Version))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w %q: %s", ErrInvalidCitation, c.String(), strings.Join(problems, "; "))
	}
	return nil
}

// String returns the citation in Chinese, as it is written in notices
// and decisions: 《行政许可法》第四十二条第一款, with the revision year in
// parentheses after the title when a version is named:
// 《行政处罚法》(2021年修订) 第六十条.
func (c Citation) String() string {
	if c.IsZero() {
		return ""
	}
	var b strings.Builder
	b.WriteString("《")
	b.WriteString(string(c.Law))
	b.WriteString("》")
	if c.Version != 0 {
		b.WriteString("(")
		b.WriteString(strconv.Itoa(c.Version.Year()))
		b.WriteString("年")
		if law, ok := lookupLaw(c.Law); ok {
			if v, ok := law.Version(c.Version); ok {
				b.WriteString(v.Kind.String())
			}
		} else {
			b.WriteString("版")
		}
		b.WriteString(")")
	}
	if c.Article > 0 {
		b.WriteString("第")
		b.WriteString(Numeral(c.Article))
		b.WriteString("条")
	}
	if c.Paragraph > 0 {
		b.WriteString("第")
		b.WriteString(Numeral(c.Paragraph))
		b.WriteString("款")
	}
	if c.Item > 0 {
		b.WriteString("第（")
		b.WriteString(Numeral(c.Item))
		b.WriteString("）项")
	}
	return b.String()
}

// English returns the citation in English: "Administrative Licensing Law,
// art. 42(1)", or "Regulation on Agency Efficiency, art. 7" when the law
// is not one the library knows (the Chinese name is then kept).
func (c Citation) English() string {
	if c.IsZero() {
		return ""
	}
	var b strings.Builder
	if law, ok := lookupLaw(c.Law); ok {
		b.WriteString(law.NameEN)
	} else {
		b.WriteString(string(c.Law))
	}
	if c.Version != 0 {
		fmt.Fprintf(&b, " (%d)", c.Version.Year())
	}
	if c.Article > 0 {
		fmt.Fprintf(&b, ", art. %d", c.Article)
	}
	if c.Paragraph > 0 {
		fmt.Fprintf(&b, "(%d)", c.Paragraph)
	}
	if c.Item > 0 {
		fmt.Fprintf(&b, "(%d)", c.Item)
	}
	return b.String()
}

// Numeral writes n in Chinese numerals as statutes number their
// articles: 1 一, 10 十, 15 十五, 42 四十二, 101 一百零一, 110 一百一十,
// 1200 一千二百. It covers 1 through 9999; other values are written in
// Arabic digits.
func Numeral(n int) string {
	if n < 1 || n > 9999 {
		return strconv.Itoa(n)
	}
	const digits = "零一二三四五六七八九"
	digit := func(d int) string { return digits[d*3 : d*3+3] }
	units := [...]string{"千", "百", "十", ""}
	places := [...]int{n / 1000, n / 100 % 10, n / 10 % 10, n % 10}
	var b strings.Builder
	started, zero := false, false
	for i, d := range places {
		if d == 0 {
			zero = started
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		// 十五, not 一十五, when the number starts with the tens.
		if !(i == 2 && d == 1 && !started) {
			b.WriteString(digit(d))
		}
		b.WriteString(units[i])
		started = true
	}
	return b.String()
}
