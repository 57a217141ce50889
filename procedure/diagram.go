package procedure

import (
	"fmt"
	"strings"
)

// DOT returns the definition as a Graphviz digraph: states labelled in
// Chinese and English (terminal states drawn double), each transition
// labelled with its trigger and citation, guarded steps marked with the
// guards' descriptions, clock effects listed. The output is stable for a
// definition: states and transitions in definition order.
func (d *Definition) DOT() string {
	var b strings.Builder
	q := func(s string) string {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
	}
	fmt.Fprintf(&b, "digraph %s {\n", q(d.spec.ID))
	fmt.Fprintf(&b, "\tlabel=%s;\n\tlabelloc=t;\n\trankdir=LR;\n", q(d.spec.Name+" / "+d.spec.NameEN))
	b.WriteString("\tnode [shape=box, style=rounded, fontname=\"sans-serif\"];\n")
	b.WriteString("\tedge [fontname=\"sans-serif\", fontsize=10];\n")
	b.WriteString("\t\"__start\" [shape=point, label=\"\"];\n")
	for _, st := range d.spec.States {
		extra := ""
		if st.Terminal {
			extra = ", peripheries=2"
		}
		fmt.Fprintf(&b, "\t%s [label=%s%s];\n", q(string(st.ID)), q(st.Name+"\n"+st.NameEN), extra)
	}
	fmt.Fprintf(&b, "\t\"__start\" -> %s;\n", q(string(d.spec.Initial)))
	for _, t := range d.spec.Transitions {
		fmt.Fprintf(&b, "\t%s -> %s [label=%s];\n", q(string(t.From)), q(string(t.To)), q(d.edgeLabel(t, "\n")))
	}
	b.WriteString("}\n")
	return b.String()
}

// Mermaid returns the definition as a Mermaid state diagram, with the
// same labels as [Definition.DOT].
func (d *Definition) Mermaid() string {
	var b strings.Builder
	b.WriteString("---\ntitle: " + mermaidText(d.spec.Name+" / "+d.spec.NameEN) + "\n---\n")
	b.WriteString("stateDiagram-v2\n")
	for _, st := range d.spec.States {
		fmt.Fprintf(&b, "    %s: %s\n", mermaidID(st.ID), mermaidText(st.Name+" "+st.NameEN))
	}
	fmt.Fprintf(&b, "    [*] --> %s\n", mermaidID(d.spec.Initial))
	for _, t := range d.spec.Transitions {
		fmt.Fprintf(&b, "    %s --> %s: %s\n", mermaidID(t.From), mermaidID(t.To), mermaidText(d.edgeLabel(t, " · ")))
	}
	for _, st := range d.spec.States {
		if st.Terminal {
			fmt.Fprintf(&b, "    %s --> [*]\n", mermaidID(st.ID))
		}
	}
	return b.String()
}

// edgeLabel writes a transition's trigger, guards, citation and clock
// effects, joined by sep.
func (d *Definition) edgeLabel(t TransitionSpec, sep string) string {
	zh, en := d.TriggerLabel(t.Trigger)
	parts := []string{zh + " " + en}
	for _, g := range t.Guards {
		parts = append(parts, "["+g.Desc+"]")
	}
	if !t.Citation.IsZero() {
		parts = append(parts, t.Citation.String())
	}
	var fx []string
	for _, e := range t.Effects {
		s := string(e.Op) + " " + e.Clock
		if e.Cause != 0 {
			s += " (" + e.Cause.Chinese() + ")"
		}
		fx = append(fx, s)
	}
	if len(fx) > 0 {
		parts = append(parts, "⏱ "+strings.Join(fx, ", "))
	}
	return strings.Join(parts, sep)
}

func mermaidID(s State) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' || r == ':' || r == '.' {
			return '_'
		}
		return r
	}, string(s))
}

// mermaidText keeps a label on one line and free of the characters that
// end a Mermaid label.
func mermaidText(s string) string {
	return strings.NewReplacer("\n", " ", ":", "：", ";", "；", "#", "＃").Replace(s)
}
