/* SPDX-License-Identifier: MIT */
/* detect_rules.c - data: the words the furniture detector weighs.
 *
 * In match form (match.c): Simplified script, ASCII letters in capitals,
 * ASCII punctuation; Traditional text and full-width forms match alike.
 * These are not a site's phrases: they are the vocabulary every site's
 * interface is made of, which a document uses little, and only diluted in
 * sentences.  A line is weighed by how much of it these words cover. */
#include <stddef.h>

/* The words of a site's interface: navigation, accounts, payment,
 * downloading, sharing, rating, commenting, recommending, listing. */
const char *const zt_ui_words[] = {
    /* navigation and pages */
    "首页", "网站首页", "当前位置", "您的位置", "你的位置", "目前位置", "位置:", "导航", "返回",
    "顶部", "菜单", "栏目", "频道", "上一篇", "下一篇", "上一页", "下一页", "末页", "尾页",
    "列表", "更多", "查看更多", "点击查看", "点击", "展开", "收起", "全文", "阅读全文",
    "继续阅读", "百科", "词条", "合集", "专题", "标签", "TAGS", "TAG", "搜索", "检索", "简易",
    "详目", "显示", "站内", "网站地图", "本站", "网站", "查看", "社区", "专栏", "资讯",
    /* accounts and payment */
    "登录", "登入", "注册", "退出", "账号", "帐号", "密码", "验证码", "忘记密码", "会员",
    "VIP", "开通", "充值", "积分", "金币", "下载券", "付费", "免费", "购买", "购物车", "结账",
    "结帐", "支付", "支付宝", "您的", "微信", "扫码", "扫一扫", "二维码", "关注", "QQ", "手机版",
    "电脑版", "客户端", "APP", "个人中心", "我的", "设置", "优惠", "库存", "红利", "兑换",
    "会员中心", "消息中心", "系统消息", "聊天", "私信", "粉丝", "头像", "昵称", "在线", "离线",
    "回复", "发帖", "帖子", "楼主", "赞助商", "收藏本页", "CTRL+D", "小编", "立即下载",
    "立即登录", "立即注册", "立即购买", "立即开通", "立即查看", "立即完善", "立即领取",
    "免费领取", "领取积分",
    /* documents on a sharing site */
    "下载", "上传", "上传人", "上传者", "文档", "资源", "资源描述", "资源目录", "文档编号",
    "页数", "大小", "格式", "预览", "在线阅读", "在线预览", "浏览", "阅读", "人气", "点阅",
    "收藏", "分享", "举报", "评论", "点赞", "推荐", "推荐度", "相关", "相关推荐", "热门",
    "猜你喜欢", "喜欢", "版权", "申诉", "侵权", "认领", "投稿", "我要投稿", "发布", "发表",
    "编辑", "作者", "来源", "时间", "更新", "复制", "打印", "认证", "实名", "属地",
    "反馈", "客服", "帮助", "联系我们", "关于我们", "隐私", "条款", "声明", "广告", "赞助",
    "加载中", "暂无", "查询", "勘误", "回报", "纠错", "版权所有", "备案", "ICP", "POWERED",
    "COPYRIGHT", "RESERVED", "LINK", "CITE", "IDENTIFIER", "放入", "清单", "LOGIN", "UPLOAD", "HELP", "ABOUT", "SEARCH", "HOME", "ADMINISTER",
    "ONLINE", "VISITORS", "ITEMS", "SCOPE", "ADV", "RESPONSIVE", "IMAGE", "LEFT", "RIGHT",
    "ENGLISH", "正体中文", "简体中文", "繁体中文", "DOWNLOAD", "REPORT", "MEMBER", "RECENT",
    "BROWSER", "JAVASCRIPT", "ENHANCED", "BROWSED", "SHARE", "REPLY", "QUOTE", "VIEWS",
    NULL,
};

/* A page's prompts while it loads or folds its text: a line made of these
 * alone ("加载中. ..", "展开全文") is never the document's. */
const char *const zt_status_words[] = {
    "加载中", "正在加载", "载入中", "加载更多", "点击加载更多", "展开全文", "阅读全文",
    "查看全文", "继续阅读", "展开阅读全文", "点击阅读全文", "收起全文", "显示全部", "LOADING",
    "不再提示",
    NULL,
};

/* Keys only a site prints about a document it holds: a short line that
 * starts with one of them ("上传人:机****料") is furniture. */
const char *const zt_site_keys[] = {
    "上传人", "上传者", "上传时间", "上传日期", "文档编号", "资源ID", "资源大小", "资源格式",
    "下载积分", "全文页数", "IP属地", "推荐度", "认证信息", "人气", "点阅", "浏览量", "阅读量",
    "下载量", "下载次数", "投稿日期", "投稿时间", "发布于", "当前位置", "您的位置", "你的位置",
    "目前位置", "所在位置", "当前的位置", "上一篇", "下一篇", "上一页", "下一页", "代码语言",
    "本文地址", "本文链接", "原文地址", "原文链接", "转载请注明",
    NULL,
};

/* Keys of the metadata a site prints about a document: a label line made
 * of these ("上传人:… 文档编号:… 页数:23") is furniture, where 作者: or
 * 关键词: alone may be the document's own. */
const char *const zt_meta_keys[] = {
    "上传人", "上传者", "上传时间", "上传日期", "发布时间", "发布于", "发布日期", "更新时间",
    "更新日期", "发表时间", "投稿日期", "投稿时间", "时间", "日期", "来源", "栏目", "专题",
    "人气", "阅读", "浏览", "浏览量", "阅读量", "点阅", "下载", "下载量", "下载次数", "字数",
    "文档编号", "资源ID", "资源大小", "资源格式", "格式", "页数", "全文页数", "大小",
    "下载积分", "积分", "类型", "推荐度", "认证信息", "IP属地", "相关次数", "编辑", "TAGS",
    "标签", "分类", "热度", "评分", "价格", "售价", "库存", "IP", "尺寸", "分辨率", "颜色",
    "文件大小",
    NULL,
};

/* Words with which a site speaks of itself and to its reader: a sentence
 * holding two of them (or 小编) is the site's, not the document's:
 * "下面是小编为大家整理的…，仅供参考". */
const char *const zt_narrator_words[] = {
    "小编", "本站", "网友", "为您", "为大家", "若您", "如您", "您是", "请您", "请输入",
    "邮件至", "由此去", "购买", "免费下载", "提供海量", "尽在", "本资料来自", "为您提供",
    "已被浏览", "被下载", "欢迎下载", "给大家", "供您", "供大家", "仅供参考", "供参考",
    "欢迎阅读", "欢迎借鉴", "欢迎大家", "欢迎参考", "希望对", "有所帮助", "帮助到大家",
    "能够帮助", "希望大家", "喜欢就", "一起来看看", "一起来看", "复制下载", "精心整理",
    "精心收集", "收集整理", "整理的", "整理了", "精选了", "精选的", "分享给", "以下是",
    "下面是", "下面小编", "参考写作", "写作之用", "敬请", "请关注", "这里是", "咨询客服",
    "获取更多", "原创文章", "请遵守", "切勿", "以免触法", "请勿用于", "如有侵权", "联系删除",
    "原作者所有", "仅供学习", "学习交流",
    NULL,
};

/* Function characters of running prose: dense in sentences, rare in
 * menus, labels and lists of links. */
const char zt_function_chars[] = "的了是在和与为对等及其也就都而但被把将从向以于这那个们之所并或即";

/* What watermarks glued into sentences are made of: a site's name and its
 * call to download ("管理资源吧", "精品名师归纳总结 可编辑资料 欢迎下载",
 * "SEO靠我").  A phrase found around one of these, three times or more,
 * glued inside sentences, is a watermark. */
const char *const zt_watermark_words[] = {
    "SEO", "精品", "名师", "可编辑", "欢迎下载", "免费下载", "资料网", "资源吧", "资料库",
    "好资料", "归纳总结", "WWW.", ".COM", ".CN", "文库", "资源网", "学习资料", "下载",
    NULL,
};
