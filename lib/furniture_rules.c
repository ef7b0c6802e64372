/* SPDX-License-Identifier: MIT */
/* furniture_rules.c - data: the site furniture that page repair removes.
 *
 * Patterns are in match form (match.c): Simplified script, ASCII
 * punctuation, no spaces; they match Traditional text, full-width
 * punctuation and stray spaces alike.  '#' is a number, '~' an optional
 * punctuation mark, '*' any run.  Longer patterns come before the shorter
 * ones they contain.  A WHOLE_BLOCK pattern never fires on a sentence that
 * merely mentions its words (第1页, 温馨提示) inside body text. */
#include "internal.h"

const zt_furniture zt_furniture_table[] = {
    /* per-page title lines and page counters */
    {ZT_R_FURNITURE_PAGE_TITLE, "*_第#页", ZT_WHOLE_BLOCK, ZT_ACT_TITLE},
    {ZT_R_FURNITURE_PAGE_TITLE, "第#页~/~共#页", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_PAGE_TITLE, "第#页,共#页~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_PAGE_TITLE, "共#页~第#页", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},

    /* read-more and paywall prompts */
    {ZT_R_FURNITURE_READ_MORE, "已阅读#页~还剩#页未读~继续免费阅读", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "已阅读#页~还剩#页未读~继续阅读", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "已阅读#页~还剩#页未读~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "还剩#页未读~继续免费阅读", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "还剩#页未读~继续阅读", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "还剩#页未读~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "继续免费阅读", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "点击阅读全文", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "下载文档到电脑~查找使用更方便", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "#下载券~#人已下载", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "VIP免费下载", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "下载本文档", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "立即下载", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "免费下载", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "#人已下载", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_READ_MORE, "下载券#", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},

    /* copyright and upload notices */
    {ZT_R_FURNITURE_COPYRIGHT, "版权说明:本文档由用户提供并上传*", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_COPYRIGHT, "本文档由用户提供并上传*认领~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_COPYRIGHT, "*由会员分享~可在线阅读*", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_COPYRIGHT, "*更多相关*请在*上搜索*", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},

    /* site summaries: the marker, then the block after it if it repeats the body */
    {ZT_R_FURNITURE_SUMMARY, "文档简介", ZT_WHOLE_BLOCK, ZT_ACT_SUMMARY},
    {ZT_R_FURNITURE_SUMMARY, "文档介绍", ZT_WHOLE_BLOCK, ZT_ACT_SUMMARY},
    {ZT_R_FURNITURE_SUMMARY, "内容简介", ZT_WHOLE_BLOCK, ZT_ACT_SUMMARY},

    /* footers */
    {ZT_R_FURNITURE_FOOTER, "温馨提示", ZT_WHOLE_BLOCK, ZT_ACT_LIST},
    {ZT_R_FURNITURE_FOOTER, "提交评论", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_FOOTER, "发表评论", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_FOOTER, "网友评论", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_FOOTER, "评论", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_FOOTER, "#/#", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},

    /* page counters glued anywhere: 第29页共29页诸暨…, …第 2 页 共 2 页… */
    {ZT_R_FURNITURE_COUNTER, "第#页~/~共#页~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_COUNTER, "第#页~共#页~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_COUNTER, "共#页~第#页~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_COUNTER, "-#-", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},

    /* banners with numbers, standing in the text */
    {ZT_R_FURNITURE_BANNER, "此处隐藏#个字~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_BANNER, "本资源只提供#页预览~全部文档请下载后查看~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_BANNER, "本资源只提供#页预览~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_BANNER, "全部预览完了~如果喜欢就下载吧~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_BANNER, "如果喜欢就下载吧~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_BANNER, "喜欢就下载吧~查找使用更方便~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_BANNER, "(预览前#页/共#页)", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_BANNER, "(#页珍藏版)", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_BANNER, "本文目录*", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},

    /* preview ends */
    {ZT_R_FURNITURE_PREVIEW_END, "预览结束*", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_PREVIEW_END, "*预览已结束*", ZT_WHOLE_BLOCK, ZT_ACT_REMOVE},

    /* brand prefixes */
    {ZT_R_FURNITURE_BRAND, "泓域文案/高效的写作服务平台", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_BRAND, "泓域文案", ZT_BLOCK_START, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_BRAND, "泓域咨询", ZT_BLOCK_START, ZT_ACT_REMOVE},

    /* generated-content disclaimers */
    {ZT_R_FURNITURE_DISCLAIMER, "本文相关内容来源于公开渠道或根据行业大模型生成~对文中内容的准确性不作任何保证~",
     ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_DISCLAIMER, "本文内容仅供参考~不构成相关领域的建议和依据~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_DISCLAIMER, "本文仅供参考*不构成相关领域的建议和依据~", ZT_ANYWHERE, ZT_ACT_REMOVE},
    {ZT_R_FURNITURE_DISCLAIMER, "本文仅供参考*不作任何保证~", ZT_ANYWHERE, ZT_ACT_REMOVE},

    /* category and keyword lines become metadata */
    {ZT_R_FURNITURE_CATEGORY, "*所在栏目:*", ZT_WHOLE_BLOCK, ZT_ACT_META},
    /* a document's own keywords line (a paper's 关键词) is its text: it stays,
     * and names the keywords too */
    {ZT_R_FURNITURE_CATEGORY, "关键词:*", ZT_WHOLE_BLOCK, ZT_ACT_META_KEEP},
    {ZT_R_FURNITURE_CATEGORY, "关键字:*", ZT_WHOLE_BLOCK, ZT_ACT_META_KEEP},
};

const size_t zt_furniture_count = sizeof zt_furniture_table / sizeof zt_furniture_table[0];
