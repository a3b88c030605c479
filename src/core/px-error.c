#include "px-error.h"

G_DEFINE_QUARK (px-error-quark, px_error)
