// Package server is the HTTP JSON service of xn (xn serve): the
// operations of package api over HTTP, for systems written in other
// languages.
//
// New returns the handler: one POST route per operation taking a JSON
// request body, a few GET routes (/healthz, /openapi.json,
// /v1/deadline/rules, /v1/procedures), and JSON errors of the form
// {"error": {"code": "out_of_coverage", "message": "…", "problems": […]}}
// whose code is one of api.Codes with its fixed status (400, 404, 405,
// 413, 422, 500). Bodies are limited (Config.MaxBodyBytes, with
// http.MaxBytesReader) and decoded strictly: unknown members and
// trailing data are errors. A panic answers 500 internal, never a stack
// trace.
//
// Routes lists the operations; OpenAPI returns the OpenAPI 3.1 document
// generated from them and the Go types of their requests and responses,
// embedded in the binary and served at GET /openapi.json.
//
// ListenAndServe and Serve run an http.Server with read, write and idle
// timeouts, and shut it down gracefully when their context is done;
// xn serve cancels that context on SIGINT and SIGTERM.
package server
