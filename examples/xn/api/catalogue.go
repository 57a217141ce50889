package api

import (
	"encoding/json"
	"fmt"

	"github.com/xiaoneng/xiaoneng/catalogue"
)

// CatalogueSummary says what a valid catalogue holds.
type CatalogueSummary struct {
	ID            string `json:"id,omitempty"`
	Name          string `json:"name"`
	Region        string `json:"region,omitempty"`
	Items         int    `json:"items" doc:"item versions"`
	Codes         int    `json:"codes" doc:"distinct item codes"`
	GreenChannels int    `json:"green_channels"`
}

// ValidateCatalogue checks a catalogue of service items and reports every
// problem. A catalogue with problems is a verdict, not an error.
func (s *Service) ValidateCatalogue(name string, data []byte) (ValidateResponse, error) {
	if len(data) > MaxDocumentBytes {
		return ValidateResponse{}, Errorf(CodeRequestTooLarge, "%s has %d bytes, more than the %d allowed", name, len(data), MaxDocumentBytes)
	}
	c, err := catalogue.Parse(data)
	if err != nil {
		return invalid(err), nil
	}
	sp := c.Spec()
	codes := map[string]bool{}
	for _, it := range sp.Items {
		codes[it.Code] = true
	}
	return ValidateResponse{Valid: true, Problems: []Problem{},
		Catalogue: &CatalogueSummary{ID: sp.ID, Name: sp.Name, Region: sp.Region, Items: len(sp.Items), Codes: len(codes), GreenChannels: len(sp.GreenChannels)}}, nil
}

// GuideRequest asks for the service guide of an item (xn catalogue guide).
type GuideRequest struct {
	Catalogue json.RawMessage `json:"catalogue,omitempty" doc:"a catalogue of service items; absent: the service's"`
	Code      string          `json:"code" doc:"the item's code (事项编码)"`
	On        string          `json:"on" doc:"YYYY-MM-DD: the day whose version in force is shown"`
	Format    string          `json:"format,omitempty" doc:"text (the default) or markdown"`
}

// LimitInfo is a time limit of an item.
type LimitInfo struct {
	Period    PeriodText `json:"period"`
	Basis     *Citation  `json:"basis,omitempty"`
	Note      string     `json:"note,omitempty"`
	Extension *Extension `json:"extension,omitempty" doc:"how the limit may be extended, in its unit; absent: it may not (a period another law sets in place of the clock rule's has no extension of its own unless the item states one)"`
}

func limitInfo(l catalogue.Limit) LimitInfo {
	out := LimitInfo{Period: periodText(l.Period()), Note: l.Note, Extension: extensionInfo(l.Extension)}
	if !l.Basis.IsZero() {
		c := Cite(l.Basis)
		out.Basis = &c
	}
	return out
}

// GuideResponse is an item's service guide (办事指南), as data and
// rendered.
type GuideResponse struct {
	Catalogue string     `json:"catalogue"`
	Code      string     `json:"code"`
	Name      string     `json:"name"`
	Unit      string     `json:"unit"`
	Kind      string     `json:"kind"`
	Procedure string     `json:"procedure"`
	From      string     `json:"from"`
	To        string     `json:"to,omitempty"`
	Statutory LimitInfo  `json:"statutory" doc:"法定办结时限"`
	Promised  LimitInfo  `json:"promised" doc:"承诺办结时限, never longer"`
	Basis     []Citation `json:"basis"`
	Format    string     `json:"format"`
	Text      string     `json:"text" doc:"the guide rendered in Chinese"`
}

// Guide renders the service guide of the item in force on a day.
func (s *Service) Guide(req GuideRequest) (GuideResponse, error) {
	s = s.orZero()
	cat := s.Catalogue
	if !isNull(req.Catalogue) {
		c, err := catalogue.Parse(req.Catalogue)
		if err != nil {
			return GuideResponse{}, wrap(CodeInvalidCatalogue, err)
		}
		cat = c
	}
	if cat == nil {
		return GuideResponse{}, Errorf(CodeBadRequest, "catalogue: no catalogue given, and the service has none")
	}
	if req.Code == "" {
		return GuideResponse{}, Errorf(CodeBadRequest, "code: an item code is required")
	}
	on, err := parseDate("on", req.On)
	if err != nil {
		return GuideResponse{}, err
	}
	g, err := cat.Guide(req.Code, on)
	if err != nil {
		ae := AsError(err)
		switch ae.Code {
		case CodeNotInCatalogue:
			ae.Message = fmt.Sprintf("no item %q in the catalogue: no power outside the catalogue (目录之外无权力)", req.Code)
		case CodeNotInForce:
			ae.Message = fmt.Sprintf("no version of item %q is in force on %s", req.Code, on)
		}
		return GuideResponse{}, ae
	}
	out := GuideResponse{Catalogue: g.Catalogue, Code: g.Item.Code, Name: g.Item.Name, Unit: g.Item.Unit,
		Kind: g.Item.Kind.String(), Procedure: g.Item.Procedure, From: g.Item.From.String(),
		Statutory: limitInfo(g.Limits.Statutory), Promised: limitInfo(g.Limits.Promised), Basis: Cites(g.Item.Basis)}
	if g.Item.To != 0 {
		out.To = g.Item.To.String()
	}
	switch req.Format {
	case "text", "":
		out.Format, out.Text = "text", g.Text()
	case "markdown":
		out.Format, out.Text = "markdown", g.Markdown()
	default:
		return GuideResponse{}, Errorf(CodeBadRequest, "format: %q is neither text nor markdown", req.Format)
	}
	return out, nil
}
