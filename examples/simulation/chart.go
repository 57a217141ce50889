package simulation

import (
	"fmt"
	"strings"
)

// SVG returns ontime.svg: a line chart of the on-time rate by month, one
// thin line per unit and a thick one for the county, with labelled axes
// and a legend. A month in which a unit concluded nothing leaves a gap in
// its line. The chart is plain SVG 1.1, written with the standard library.
func (r *Result) SVG() string {
	const (
		width, height          = 940, 460
		left, right, top, base = 70, 260, 50, 400 // plot area: x from left to width-right, y from top to base
	)
	plotW, plotH := float64(width-left-right), float64(base-top)
	// The y axis runs from a round percentage below the lowest rate to
	// 100%, with ticks every 1, 2, 5 or 10 points.
	lowest := 100
	for _, m := range r.OnTime {
		if m.Done > 0 {
			lowest = min(lowest, 100*m.OnTime/m.Done)
		}
	}
	floor := min(90, max(0, (lowest-1)/10*10))
	step := 10
	switch span := 100 - floor; {
	case span <= 10:
		step = 1
	case span <= 20:
		step = 2
	case span <= 50:
		step = 5
	}
	x := func(month int) float64 { return float64(left) + plotW*(float64(month)-0.5)/12 }
	y := func(rate float64) float64 { return float64(base) - plotH*(100*rate-float64(floor))/float64(100-floor) }

	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	p(`<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	p(`<title>%d 年按时办结率（按月）On-time rate by month, %d</title>`+"\n", r.Year, r.Year)
	p(`<rect x="0" y="0" width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	p(`<text x="%d" y="28" font-size="16" font-weight="bold">%d 年按时办结率（按月） On-time rate by month, %d</text>`+"\n", left, r.Year, r.Year)
	// Grid and y axis.
	for t := floor; t <= 100; t += step {
		yy := y(float64(t) / 100)
		p(`<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#e0e0e0"/>`+"\n", left, yy, width-right, yy)
		p(`<text x="%d" y="%.1f" text-anchor="end">%d%%</text>`+"\n", left-6, yy+4, t)
	}
	p(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333333"/>`+"\n", left, top, left, base)
	p(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333333"/>`+"\n", left, base, width-right, base)
	for m := 1; m <= 12; m++ {
		p(`<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#333333"/>`+"\n", x(m), base, x(m), base+5)
		p(`<text x="%.1f" y="%d" text-anchor="middle">%d</text>`+"\n", x(m), base+18, m)
	}
	p(`<text x="%.1f" y="%d" text-anchor="middle">月份 Month</text>`+"\n", float64(left)+plotW/2, base+40)
	p(`<text x="18" y="%.1f" text-anchor="middle" transform="rotate(-90 18 %.1f)">按时办结率 On-time rate</text>`+"\n", float64(top)+plotH/2, float64(top)+plotH/2)

	palette := []string{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"}
	type series struct {
		name, colour string
		width        float64
		unit         string
	}
	all := []series{}
	for i, u := range r.Units {
		all = append(all, series{u.Short + " " + u.English, palette[i%len(palette)], 1.5, u.Name})
	}
	all = append(all, series{"全县 County", "#000000", 3.5, ""})
	for i, s := range all {
		rates := map[int]MonthRate{}
		for _, m := range r.OnTime {
			if m.Unit == s.unit && m.Done > 0 {
				rates[m.Month] = m
			}
		}
		// One path per run of months with cases.
		var d strings.Builder
		pen := false
		for m := 1; m <= 12; m++ {
			mr, ok := rates[m]
			if !ok {
				pen = false
				continue
			}
			cmd := "L"
			if !pen {
				cmd = "M"
			}
			fmt.Fprintf(&d, "%s%.1f %.1f ", cmd, x(m), y(mr.Rate()))
			pen = true
		}
		if d.Len() > 0 {
			p(`<path d="%s" fill="none" stroke="%s" stroke-width="%.1f" stroke-linejoin="round"/>`+"\n", strings.TrimSpace(d.String()), s.colour, s.width)
			for m := 1; m <= 12; m++ {
				if mr, ok := rates[m]; ok {
					p(`<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s"><title>%s %d月 %d/%d</title></circle>`+"\n", x(m), y(mr.Rate()), s.width+1, s.colour, escape(s.name), m, mr.OnTime, mr.Done)
				}
			}
		}
		ly := top + 10 + 20*i
		p(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="%.1f"/>`+"\n", width-right+15, ly, width-right+40, ly, s.colour, s.width)
		p(`<text x="%d" y="%d">%s</text>`+"\n", width-right+46, ly+4, escape(s.name))
	}
	p("</svg>\n")
	return b.String()
}

// escape escapes text for XML.
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
