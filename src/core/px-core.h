/* SPDX-License-Identifier: GPL-3.0-or-later */
/* px-core.h: the whole core library in one include. */
#pragma once

#include "px-error.h"
#include "px-text.h"
#include "px-article.h"
#include "px-story.h"
#include "px-label.h"
#include "px-annotation.h"
#include "px-entity.h"
#include "px-event.h"
#include "px-store.h"
#include "px-editor.h"
#include "px-import.h"
#include "px-csv.h"
#include "px-export.h"
