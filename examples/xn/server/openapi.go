package server

import (
	"bytes"
	_ "embed"
	"encoding"
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/shopspring/decimal"

	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/examples/xn/api"
)

//go:embed openapi.json
var openapiJSON []byte

// OpenAPI returns the OpenAPI 3.1 document of the service, served at
// GET /openapi.json: every route with its request and response, and the
// error codes each may answer. The document is generated from the routes
// and the Go types of their requests and responses, and embedded; a test
// keeps it in step (go test ./server -update rewrites it).
func OpenAPI() []byte { return bytes.Clone(openapiJSON) }

// generateOpenAPI builds the document from Routes.
func generateOpenAPI() ([]byte, error) {
	g := &schemaGen{components: map[string]any{}}
	paths := map[string]any{}
	for _, rt := range Routes() {
		op := map[string]any{
			"operationId": rt.ID,
			"tags":        []string{rt.Tag},
			"summary":     rt.Summary,
		}
		if rt.Description != "" {
			op["description"] = rt.Description
		}
		if body := g.requestBody(rt); body != nil {
			op["requestBody"] = body
		}
		op["responses"] = g.responses(rt)
		item, _ := paths[rt.Path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.Path] = item
		}
		item[strings.ToLower(rt.Method)] = op
	}
	g.schemaOf(reflect.TypeFor[ErrorResponse]())
	// The error codes are a closed, stable list.
	errSchema := g.components["api.Error"].(map[string]any)
	errSchema["properties"].(map[string]any)["code"] = map[string]any{
		"type": "string", "enum": api.Codes(), "description": "a stable code: branch on it, not on the message",
	}
	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "xiaoneng (效能) service",
			"version": "1",
			"summary": "Chinese administrative-procedure rules over HTTP: time limits on the national working-day calendar, case lifecycles, penalty discretion, efficiency accountability, service catalogues.",
			"description": "Run with `xn serve --addr 127.0.0.1:8080`. Requests and responses are JSON; dates are YYYY-MM-DD, instants RFC 3339, money decimal strings. " +
				"Every error answers {\"error\": {\"code\", \"message\", \"problems\"}} with a stable code: " + strings.Join(api.Codes(), ", ") + ".",
			"license": map[string]any{"name": "Apache-2.0", "identifier": "Apache-2.0"},
		},
		"servers":    []any{map[string]any{"url": "http://127.0.0.1:8080"}},
		"paths":      paths,
		"components": map[string]any{"schemas": g.components},
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func (g *schemaGen) requestBody(rt Route) map[string]any {
	switch {
	case rt.Document != "":
		content := map[string]any{
			"application/json": map[string]any{"schema": map[string]any{
				"type":        "object",
				"description": documentDescriptions[rt.Document],
			}},
		}
		if rt.Document == "calendar" {
			content["text/calendar"] = map[string]any{"schema": map[string]any{"type": "string", "description": "an iCalendar file, as xn calendar export --format ics writes it"}}
		}
		return map[string]any{"required": true, "content": content}
	case rt.Request != nil:
		return map[string]any{"required": true, "content": map[string]any{
			"application/json": map[string]any{"schema": g.schemaOf(reflect.TypeOf(rt.Request))},
		}}
	}
	return nil
}

var documentDescriptions = map[string]string{
	"calendar":  "a calendar in the JSON format of deadline.ParseCalendar (format xiaoneng-calendar/1)",
	"benchmark": "a discretion benchmark in the JSON format of discretion.Parse",
	"catalogue": "a catalogue of service items in the JSON format of catalogue.Parse",
}

func (g *schemaGen) responses(rt Route) map[string]any {
	out := map[string]any{}
	ok := map[string]any{"description": "OK"}
	switch {
	case rt.Response != nil && rt.Path == "/openapi.json":
		ok["content"] = map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object", "description": "an OpenAPI 3.1 document"}}}
	case rt.Response != nil:
		ok["content"] = map[string]any{"application/json": map[string]any{"schema": g.schemaOf(reflect.TypeOf(rt.Response))}}
	default:
		content := map[string]any{}
		for _, m := range rt.Media {
			s := map[string]any{"type": "string"}
			if m == "application/json" {
				s = map[string]any{"type": "object", "description": "a calendar in the JSON format of deadline.ParseCalendar"}
			}
			content[m] = map[string]any{"schema": s}
		}
		ok["content"] = content
	}
	out["200"] = ok
	codes := slices.Clone(rt.Codes)
	if rt.Request != nil || rt.Document != "" {
		codes = append(codes, bodyCodes...)
	}
	codes = append(codes, api.CodeInternal)
	byStatus := map[int][]string{}
	for _, c := range codes {
		st := api.Status(c)
		if !slices.Contains(byStatus[st], c) {
			byStatus[st] = append(byStatus[st], c)
		}
	}
	for st, cs := range byStatus {
		slices.Sort(cs)
		out[strconv.Itoa(st)] = map[string]any{
			"description": http.StatusText(st) + ": " + strings.Join(cs, ", "),
			"content":     map[string]any{"application/json": map[string]any{"schema": ref("server.ErrorResponse")}},
		}
	}
	return out
}

func ref(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }

// schemaGen turns Go types into JSON Schemas, naming struct types as
// components.
type schemaGen struct {
	components map[string]any
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	dateType    = reflect.TypeFor[date.Date]()
	decimalType = reflect.TypeFor[decimal.Decimal]()
	rawType     = reflect.TypeFor[json.RawMessage]()
	clockType   = reflect.TypeFor[deadline.Clock]()
	textType    = reflect.TypeFor[encoding.TextMarshaler]()
	jsonType    = reflect.TypeFor[json.Marshaler]()
)

// componentName names a struct type: package.Type.
func componentName(t reflect.Type) string {
	pkg := t.PkgPath()
	if i := strings.LastIndex(pkg, "/"); i >= 0 {
		pkg = pkg[i+1:]
	}
	if pkg == "xiaoneng" {
		return "xiaoneng." + t.Name()
	}
	return pkg + "." + t.Name()
}

func (g *schemaGen) schemaOf(t reflect.Type) map[string]any {
	switch t {
	case timeType:
		return map[string]any{"type": "string", "format": "date-time"}
	case dateType:
		return map[string]any{"type": "string", "format": "date", "description": "YYYY-MM-DD"}
	case decimalType:
		return map[string]any{"type": "string", "pattern": `^-?[0-9]+(\.[0-9]+)?$`, "description": "an exact decimal, e.g. \"5000\" or \"0.3\""}
	case rawType:
		return map[string]any{}
	case clockType:
		name := componentName(t)
		if _, ok := g.components[name]; !ok {
			g.components[name] = map[string]any{}
			g.components[name] = map[string]any{
				"type":        "object",
				"description": "a legal clock: its rule, start day and ledger",
				"properties": map[string]any{
					"rule":   g.schemaOf(reflect.TypeFor[deadline.Rule]()),
					"start":  g.schemaOf(dateType),
					"ledger": map[string]any{"type": "array", "items": g.schemaOf(reflect.TypeFor[deadline.Entry]())},
				},
				"required": []string{"rule", "start", "ledger"},
			}
		}
		return ref(name)
	}
	if t.Kind() == reflect.Struct && (t.Implements(jsonType) || reflect.PointerTo(t).Implements(jsonType)) {
		// A type that writes its own JSON: described, not modelled.
		return map[string]any{"description": componentName(t) + ", as the library writes it"}
	}
	if t.Kind() != reflect.Struct && t.Kind() != reflect.Pointer && (t.Implements(textType) || reflect.PointerTo(t).Implements(textType)) {
		s := map[string]any{"type": "string"}
		if vals := enumValues(t); len(vals) > 0 {
			s["enum"] = vals
		}
		return s
	}
	switch t.Kind() {
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.schemaOf(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.schemaOf(t.Elem())}
	case reflect.Pointer:
		return g.schemaOf(t.Elem())
	case reflect.Interface:
		return map[string]any{}
	case reflect.Struct:
		name := componentName(t)
		if _, ok := g.components[name]; !ok {
			g.components[name] = map[string]any{} // placeholder against recursion
			props := map[string]any{}
			var required []string
			g.fields(t, props, &required)
			s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
			if len(required) > 0 {
				slices.Sort(required)
				s["required"] = required
			}
			g.components[name] = s
		}
		return ref(name)
	}
	return map[string]any{}
}

// fields adds the JSON members of struct t, flattening embedded structs.
func (g *schemaGen) fields(t reflect.Type, props map[string]any, required *[]string) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			g.fields(f.Type, props, required)
			continue
		}
		if name == "" {
			name = f.Name
		}
		s := g.schemaOf(f.Type)
		optional := strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
		if !optional && (f.Type.Kind() == reflect.Slice || f.Type.Kind() == reflect.Map || f.Type.Kind() == reflect.Pointer) &&
			!strings.HasSuffix(t.PkgPath(), "/api") && !strings.HasSuffix(t.PkgPath(), "/server") {
			// The library writes nil lists and maps as null.
			s = map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
		}
		if doc := f.Tag.Get("doc"); doc != "" {
			if _, isRef := s["$ref"]; isRef {
				s = map[string]any{"allOf": []any{s}, "description": doc}
			} else {
				s = withDescription(s, doc)
			}
		}
		props[name] = s
		if !optional {
			*required = append(*required, name)
		}
	}
}

func withDescription(s map[string]any, doc string) map[string]any {
	out := map[string]any{"description": doc}
	for k, v := range s {
		out[k] = v
	}
	return out
}

// enumValues lists the texts of an integer enumeration that marshals as
// text: the values from 0 up whose MarshalText succeeds, stopping at the
// first gap after a success.
func enumValues(t reflect.Type) []string {
	switch t.Kind() {
	case reflect.Uint8, reflect.Uint16, reflect.Int, reflect.Int8, reflect.Uint:
	default:
		return nil
	}
	var out []string
	for i := range 64 {
		v := reflect.New(t).Elem()
		if v.CanUint() {
			v.SetUint(uint64(i))
		} else {
			v.SetInt(int64(i))
		}
		m, ok := v.Interface().(encoding.TextMarshaler)
		if !ok {
			return nil
		}
		b, err := m.MarshalText()
		if err != nil || len(b) == 0 || string(b) == "unknown" {
			if len(out) > 0 && i > 0 {
				break
			}
			continue
		}
		out = append(out, string(b))
	}
	return out
}
