package server

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/xiaoneng/xiaoneng/examples/xn/api"
)

// DefaultMaxBodyBytes is the default limit on a request body: 4 MiB,
// room for a catalogue or a month of a unit's case records.
const DefaultMaxBodyBytes = 4 << 20

// Timeouts of the server ListenAndServe runs.
const (
	ReadHeaderTimeout = 5 * time.Second
	ReadTimeout       = 30 * time.Second
	WriteTimeout      = 60 * time.Second
	IdleTimeout       = 120 * time.Second
	// ShutdownTimeout is how long a graceful shutdown waits for requests
	// in flight.
	ShutdownTimeout = 10 * time.Second
)

// Config configures the service. The zero value serves the operations on
// the national calendar, with no default benchmark or catalogue, a body
// limit of DefaultMaxBodyBytes and no log.
type Config struct {
	// Service holds the defaults: calendar, benchmark, catalogue. Nil is
	// the zero api.Service.
	Service *api.Service
	// MaxBodyBytes limits request bodies; zero is DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// Logger logs one line per request; nil logs nothing.
	Logger *slog.Logger
}

// server is the handler New returns.
type server struct {
	svc    *api.Service
	max    int64
	log    *slog.Logger
	mux    *http.ServeMux
	routes []Route
}

// New returns the HTTP handler of the service: the routes of Routes,
// GET /openapi.json, and JSON errors for everything else. It is safe for
// concurrent use.
func New(cfg Config) http.Handler {
	s := &server{svc: cfg.Service, max: cfg.MaxBodyBytes, log: cfg.Logger, mux: http.NewServeMux()}
	if s.svc == nil {
		s.svc = &api.Service{}
	}
	if s.max <= 0 {
		s.max = DefaultMaxBodyBytes
	}
	for _, rt := range Routes() {
		s.routes = append(s.routes, rt)
		s.mux.Handle(rt.Method+" "+rt.Path, s.handler(rt))
	}
	s.mux.HandleFunc("/", s.fallback)
	return s
}

// ServeHTTP recovers from panics, so that a fault answers 500 with a JSON
// error and no stack trace, and logs the request.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &recorder{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			if !rw.wrote {
				writeError(rw, api.Errorf(api.CodeInternal, "internal error"))
			}
			if s.log != nil {
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p))
			}
		}
		if s.log != nil {
			s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rw.status, "duration", time.Since(start))
		}
	}()
	rw.Header().Set("X-Content-Type-Options", "nosniff")
	s.mux.ServeHTTP(rw, r)
}

// recorder remembers the status a handler wrote.
type recorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

// fallback answers requests no route matches: 405 with Allow when the
// path is known under another method, else 404.
func (s *server) fallback(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, rt := range s.routes {
		if rt.Path == r.URL.Path {
			allow = append(allow, rt.Method)
		}
	}
	if len(allow) > 0 {
		slices.Sort(allow)
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeError(w, api.Errorf(api.CodeMethodNotAllowed, "%s %s: use %s", r.Method, r.URL.Path, strings.Join(allow, " or ")))
		return
	}
	writeError(w, api.Errorf(api.CodeNotFound, "no route %s %s; the routes are listed in GET /openapi.json", r.Method, r.URL.Path))
}

// handler wraps a route: it limits the body and answers errors as JSON.
func (s *server) handler(rt Route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, s.max)
		res, err := rt.handle(s, r)
		if err != nil {
			writeError(w, api.AsError(err))
			return
		}
		res.write(w)
	})
}

// ErrorResponse is the body of every error: {"error": {"code", "message",
// "problems"}}.
type ErrorResponse struct {
	Error *api.Error `json:"error"`
}

func writeError(w http.ResponseWriter, e *api.Error) {
	writeJSON(w, e.Status(), ErrorResponse{Error: e})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		status = http.StatusInternalServerError
		b, _ = json.Marshal(ErrorResponse{Error: api.Errorf(api.CodeInternal, "internal error: cannot encode the response")})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// result is what a route answers: a JSON value, or bytes of a media type.
type result struct {
	json        any
	body        []byte
	contentType string
}

func (res result) write(w http.ResponseWriter) {
	if res.contentType == "" {
		writeJSON(w, http.StatusOK, res.json)
		return
	}
	w.Header().Set("Content-Type", res.contentType)
	w.WriteHeader(http.StatusOK)
	w.Write(res.body)
}

// decode reads a JSON request body strictly, within the body limit.
func (s *server) decode(r *http.Request, v any) error {
	return api.Decode(r.Body, s.max, v)
}

// readBody reads a raw body within the limit.
func (s *server) readBody(r *http.Request) ([]byte, error) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, api.Errorf(api.CodeRequestTooLarge, "the request body is larger than %d bytes", s.max)
		}
		return nil, api.Errorf(api.CodeBadRequest, "cannot read the request: %v", err)
	}
	return b, nil
}

// ServeOptions are the options of ListenAndServe.
type ServeOptions struct {
	// Addr is the address to listen on, e.g. 127.0.0.1:8080.
	Addr string
	// Ready, when set, is called with the address listened on once the
	// listener is open (useful with port 0).
	Ready func(addr net.Addr)
}

// ListenAndServe serves h on the address until ctx is done, then shuts
// down gracefully: it stops accepting connections and waits up to
// ShutdownTimeout for requests in flight. It returns nil after a graceful
// shutdown, and the error otherwise. Its server has the timeouts above.
func ListenAndServe(ctx context.Context, h http.Handler, o ServeOptions) error {
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return err
	}
	return Serve(ctx, ln, h, o.Ready)
}

// Serve is ListenAndServe on a listener it closes.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, ready func(net.Addr)) error {
	if ln == nil {
		return errors.New("server: no listener")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if ready != nil {
		ready(ln.Addr())
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
