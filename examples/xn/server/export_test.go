package server

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
)

// GenerateOpenAPI builds the OpenAPI document from the routes, for the
// test that keeps the embedded one in step.
var GenerateOpenAPI = generateOpenAPI

// DocPaths lists "METHOD /path" of every operation of an OpenAPI
// document, sorted.
func DocPaths(doc []byte) ([]string, error) {
	var d struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, err
	}
	var out []string
	for p, ops := range d.Paths {
		for m := range ops {
			out = append(out, strings.ToUpper(m)+" "+p)
		}
	}
	slices.Sort(out)
	return out, nil
}

// NewWithPanic returns the service with one more route, GET /panic, whose
// handler panics: a fault of the program, which must answer 500 with a
// JSON error and no stack trace.
func NewWithPanic() http.Handler {
	h := New(Config{}).(*server)
	rt := Route{Method: "GET", Path: "/panic", handle: func(*server, *http.Request) (result, error) { panic("boom") }}
	h.routes = append(h.routes, rt)
	h.mux.Handle("GET /panic", h.handler(rt))
	return h
}
