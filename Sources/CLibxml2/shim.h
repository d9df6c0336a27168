#include <libxml/xmlversion.h>
/* Foundation ships its own ICU; libxml2's optional ICU include would clash with it, and Amicus only ever
   reads UTF-8, so keep libxml2's headers away from ICU. (Only xmlCharEncodingHandler's layout depends on this,
   and Amicus never touches that struct.) */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

/* xmlFree is a global function pointer; calling it through a function keeps Swift's concurrency checker calm. */
static inline void amicus_xml_free(void *pointer) { xmlFree(pointer); }
