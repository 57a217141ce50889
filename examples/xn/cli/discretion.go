package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/discretion"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
)

const factsDetail = `The benchmark (裁量基准) is a JSON document in the format of discretion.Parse (--benchmark).
The facts are flags, or a JSON file (--facts) of the form of the HTTP request's "facts":
  --party citizen|organisation   (公民 / 法人或者其他组织)
  --gains, --goods-value, --turnover, --base-other AMOUNT   bases of a fine set as a multiple
  --factor ID (repeatable)       circumstances: art30-minor, art32-remedied, art33-first …,
                                 or the benchmark's own
  --decline ID                   a permissive factor the agency declines, with reasons
  --other-norm CODE              another standard the same act violates (Art 29)
  --already-fined --public-interest --complex --serious --hard-to-collect --remote-request`

// factsFlags registers the facts flags and returns a function that reads
// them.
func factsFlags(fs *flag.FlagSet) func(r *runner) (api.Facts, error) {
	file := fs.String("facts", "", "read the facts from `FILE` (JSON) instead of the flags")
	party := fs.String("party", "", "the party: citizen or organisation")
	gains := fs.String("gains", "", "illegal gains (违法所得) in yuan")
	goods := fs.String("goods_value", "", "value of the goods (货值金额) in yuan")
	turnover := fs.String("turnover", "", "illegal turnover (违法经营额) in yuan")
	other := fs.String("base-other", "", "another base of a multiple, in yuan")
	var factors, declined, norms listFlag
	fs.Var(&factors, "factor", "a circumstance factor `ID` (repeatable)")
	fs.Var(&declined, "decline", "a permissive factor `ID` the agency declines (repeatable)")
	fs.Var(&norms, "other-norm", "another standard `CODE` the act violates (repeatable)")
	alreadyFined := fs.Bool("already-fined", false, "the act has already been fined (Art 29)")
	public := fs.Bool("public-interest", false, "a major public interest is involved (Art 58)")
	complex := fs.Bool("complex", false, "the case is difficult or complex (Art 57, 58)")
	serious := fs.Bool("serious", false, "a major violation (Art 57)")
	hard := fs.Bool("hard-to-collect", false, "the fine would be hard to collect later (Art 68)")
	remote := fs.Bool("remote-request", false, "remote area, the party asks to pay on the spot (Art 69)")
	return func(r *runner) (api.Facts, error) {
		var f api.Facts
		if *file != "" {
			if *party != "" || len(factors) > 0 || *gains != "" {
				return f, usagef("give --facts or the facts flags, not both")
			}
			err := r.readJSON(*file, &f)
			return f, err
		}
		if *party == "" {
			return f, usagef("--party is required (citizen or organisation), or --facts FILE")
		}
		if err := f.Party.UnmarshalText([]byte(*party)); err != nil {
			return f, usagef("--party: %q is neither citizen nor organisation", *party)
		}
		for _, b := range []struct {
			flag string
			v    *string
			dst  *decimal.Decimal
		}{{"gains", gains, &f.Bases.IllegalGains}, {"goods_value", goods, &f.Bases.GoodsValue}, {"turnover", turnover, &f.Bases.Turnover}, {"base-other", other, &f.Bases.Other}} {
			if *b.v == "" {
				continue
			}
			d, err := decimal.NewFromString(*b.v)
			if err != nil {
				return f, usagef("--%s: %q is not an amount in yuan", b.flag, *b.v)
			}
			*b.dst = d
		}
		for _, id := range factors {
			f.Factors = append(f.Factors, discretion.FactorID(id))
		}
		for _, id := range declined {
			f.Declined = append(f.Declined, discretion.FactorID(id))
		}
		f.OtherNorms = norms
		f.AlreadyFined, f.PublicInterest, f.Complex, f.Serious, f.HardToCollect, f.RemoteRequest = *alreadyFined, *public, *complex, *serious, *hard, *remote
		return f, nil
	}
}

var discretionCommands = []command{
	{
		path: "discretion assess", args: "--benchmark FILE STANDARD",
		summary: "what a discretion standard allows for the facts: band, fines, procedures",
		detail:  factsDetail,
		examples: []string{
			"xn discretion assess --benchmark benchmark.json S-001 --party organisation",
			"xn discretion assess --benchmark benchmark.json S-006 --party citizen --factor art30-minor",
			"xn discretion assess --benchmark benchmark.json S-002 --party organisation --gains 30000 --json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			bench := fs.String("benchmark", "", "the discretion benchmark in `FILE` (required)")
			facts := factsFlags(fs)
			return func(r *runner, args []string) error {
				if err := want(args, 1, "STANDARD (a violation code)"); err != nil {
					return err
				}
				b, err := r.benchmark(*bench)
				if err != nil {
					return err
				}
				f, err := facts(r)
				if err != nil {
					return err
				}
				res, err := r.svc.Assess(api.AssessRequest{Benchmark: b, Standard: args[0], Facts: f})
				if err != nil {
					return err
				}
				return r.print(res, func(w io.Writer) { writeAssess(w, res) })
			}
		},
	},
	{
		path: "discretion check", args: "--benchmark FILE STANDARD",
		summary: "whether a proposed decision lies inside the standard, and every reason it does not",
		detail: factsDetail + `
The decision is flags, or a JSON file (--decision):
  --kinds KIND,...   warning, criticism, fine, confiscate_gains, confiscate_property,
                     suspend_licence, lower_qualification, revoke_licence, restrict_operations,
                     suspend_business, close, restrict_practice, detention; none for no penalty
  --fine AMOUNT --confiscated AMOUNT
  --procedures P,... hearing_notice, hearing, legal_review, collective, simplified, collection
Exits 1 when the decision lies outside the standard.`,
		examples: []string{
			"xn discretion check --benchmark benchmark.json S-001 --party organisation --kinds fine --fine 5000 --procedures hearing_notice",
			"xn discretion check --benchmark benchmark.json S-001 --party citizen --kinds fine --fine 12000   # exit 1",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			bench := fs.String("benchmark", "", "the discretion benchmark in `FILE` (required)")
			facts := factsFlags(fs)
			decisionFile := fs.String("decision", "", "read the decision from `FILE` (JSON) instead of the flags")
			var kinds, procs listFlag
			fs.Var(&kinds, "kinds", "penalty `KINDS` imposed, comma-separated; none for no penalty")
			fs.Var(&procs, "procedures", "`PROCEDURES` the record shows, comma-separated")
			fine := fs.String("fine", "", "the fine in yuan")
			confiscated := fs.String("confiscated", "", "the value confiscated, in yuan")
			return func(r *runner, args []string) error {
				if err := want(args, 1, "STANDARD (a violation code)"); err != nil {
					return err
				}
				b, err := r.benchmark(*bench)
				if err != nil {
					return err
				}
				f, err := facts(r)
				if err != nil {
					return err
				}
				var d api.Decision
				if *decisionFile != "" {
					if len(kinds) > 0 || *fine != "" {
						return usagef("give --decision or the decision flags, not both")
					}
					if err := r.readJSON(*decisionFile, &d); err != nil {
						return err
					}
				} else {
					if len(kinds) == 0 {
						return usagef("--kinds is required (none for no penalty), or --decision FILE")
					}
					for _, k := range kinds {
						if k == "none" {
							continue
						}
						var pk discretion.PenaltyKind
						if err := pk.UnmarshalText([]byte(k)); err != nil {
							return usagef("--kinds: %q is not a penalty kind of 行政处罚法 Art 9", k)
						}
						d.Kinds = append(d.Kinds, pk)
					}
					for _, p := range procs {
						var pr discretion.Procedure
						if err := pr.UnmarshalText([]byte(p)); err != nil {
							return usagef("--procedures: %q is not a procedure", p)
						}
						d.Procedures = append(d.Procedures, pr)
					}
					for _, a := range []struct {
						flag, v string
						dst     *decimal.Decimal
					}{{"fine", *fine, &d.Fine}, {"confiscated", *confiscated, &d.Confiscated}} {
						if a.v == "" {
							continue
						}
						x, err := decimal.NewFromString(a.v)
						if err != nil {
							return usagef("--%s: %q is not an amount in yuan", a.flag, a.v)
						}
						*a.dst = x
					}
				}
				res, err := r.svc.Check(api.CheckRequest{Benchmark: b, Standard: args[0], Facts: f, Decision: d})
				if err != nil {
					return err
				}
				if err := r.print(res, func(w io.Writer) { writeCheck(w, res) }); err != nil {
					return err
				}
				if !res.OK {
					return errFinding
				}
				return nil
			}
		},
	},
	{
		path: "discretion validate", args: "FILE",
		summary: "check a discretion benchmark document and report every problem",
		detail:  `Exits 0 when the benchmark is valid, 1 when it is not (every problem is listed), 2 when it cannot be read.`,
		examples: []string{
			"xn discretion validate benchmark.json",
		},
		setup: func(fs *flag.FlagSet) func(*runner, []string) error {
			return func(r *runner, args []string) error {
				if err := want(args, 1, "FILE"); err != nil {
					return err
				}
				data, err := r.readFile(args[0])
				if err != nil {
					return err
				}
				res, err := r.svc.ValidateBenchmark(args[0], data)
				if err != nil {
					return err
				}
				if err := r.print(res, func(w io.Writer) {
					if !res.Valid {
						writeProblems(w, args[0], res.Problems)
						return
					}
					b := res.Benchmark
					fmt.Fprintf(w, "%s: valid benchmark %s, %d standards (%s), %d factors\n", args[0], b.Name, len(b.Standards), strings.Join(b.Standards, ", "), b.Factors)
					if b.Illustrative {
						fmt.Fprintln(w, "  illustrative data, not a real benchmark")
					}
				}); err != nil {
					return err
				}
				if !res.Valid {
					return errFinding
				}
				return nil
			}
		},
	},
}

// benchmark reads the benchmark file a discretion command names.
func (r *runner) benchmark(name string) ([]byte, error) {
	if name == "" {
		return nil, usagef("--benchmark FILE is required")
	}
	return r.readFile(name)
}

func labels(ls []api.Label) string {
	var zh []string
	for _, l := range ls {
		zh = append(zh, l.Name)
	}
	if len(zh) == 0 {
		return "无"
	}
	return strings.Join(zh, "、")
}

func labelsEN(ls []api.Label) string {
	var en []string
	for _, l := range ls {
		en = append(en, l.NameEN)
	}
	if len(en) == 0 {
		return "none"
	}
	return strings.Join(en, ", ")
}

func writeAssess(w io.Writer, res api.AssessResponse) {
	t := &table{}
	t.row("标准 Standard", fmt.Sprintf("%s %s", res.Standard.Code, res.Standard.Name))
	t.row("当事人 Party", res.Party.Name+" "+res.Party.NameEN)
	if res.Form != nil {
		t.row("法定幅度 Statutory", fmt.Sprintf("%s 元 (%s)", res.Statutory.Text, res.Form.NameEN))
	}
	t.row("阶次 Band", labels(res.Bands)+" / "+labelsEN(res.Bands))
	if !res.Allowed.Empty {
		t.row("可处罚款 Allowed", res.Allowed.Text+" 元 yuan, in steps of "+res.Unit.String())
	}
	t.write(w)
	if len(res.Choices) > 0 {
		fmt.Fprintln(w, "可选处罚 Choices")
		ct := &table{indent: "  "}
		for _, c := range res.Choices {
			fine := ""
			if c.Fine != nil {
				fine = c.Fine.Text + " 元"
			}
			ct.row(labels(c.Kinds), fine, labels(c.Bands))
		}
		ct.write(w)
	}
	if len(res.FineBarred) > 0 {
		fmt.Fprintln(w, "不得罚款 No fine")
		writeReasons(w, res.FineBarred)
	}
	if len(res.Factors) > 0 {
		fmt.Fprintln(w, "情节 Factors")
		ft := &table{indent: "  "}
		for _, f := range res.Factors {
			use := "applied 适用"
			switch {
			case f.Declined:
				use = "declined 不予适用"
			case f.Overridden:
				use = "outweighed 被抵消"
			case !f.Applied:
				use = "not applied 未适用"
			}
			ft.row(f.ID, f.Name, f.Force.Name+f.Effect.Name, use, f.Citation.Text)
		}
		ft.write(w)
	}
	if len(res.Triggers) > 0 {
		fmt.Fprintln(w, "程序 Procedures")
		tt := &table{indent: "  "}
		for _, tr := range res.Triggers {
			when := tr.WhenEN
			if !tr.Amount.IsZero() {
				when += " " + tr.Amount.String()
			}
			cite := ""
			if len(tr.Citations) > 0 {
				cite = tr.Citations[0].Text
			}
			tt.row(tr.Procedure.Name, tr.Procedure.NameEN, when, cite)
		}
		tt.write(w)
	}
	writeCitations(w, res.Citations)
}

func writeCheck(w io.Writer, res api.CheckResponse) {
	if res.OK {
		fmt.Fprintf(w, "合规 Inside the standard %s: the decision lies in %s / %s\n", res.Standard.Code, labels(res.Bands), labelsEN(res.Bands))
		return
	}
	fmt.Fprintf(w, "不合规 Outside the standard %s (the facts allow %s / %s):\n", res.Standard.Code, labels(res.Bands), labelsEN(res.Bands))
	writeReasons(w, res.Reasons)
}

// writeReasons lists reasons, each with what it concerns and its
// citations.
func writeReasons(w io.Writer, reasons []api.Reason) {
	for _, rs := range reasons {
		line := fmt.Sprintf("  - %s / %s", rs.Text, rs.TextEN)
		if rs.Procedure != nil {
			line += ": " + rs.Procedure.Name + " " + rs.Procedure.NameEN
		}
		if rs.Norm != "" {
			line += ": " + rs.Norm
		}
		if rs.Allowed != nil {
			line += "; allowed " + rs.Allowed.Text + " 元"
		}
		fmt.Fprintln(w, line)
		var cs []string
		for _, c := range rs.Citations {
			cs = append(cs, c.Text)
		}
		if len(cs) > 0 {
			fmt.Fprintf(w, "    依据 %s\n", strings.Join(cs, "；"))
		}
	}
}
